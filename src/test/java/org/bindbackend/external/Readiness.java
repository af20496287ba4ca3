package org.bindbackend.external;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.Json;

/**
 * The backend's readiness probe, {@code /health/ready}: whether logins can work right now, and if not why (the
 * {@code reason} of its {@code oidc-provider} check).
 */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CHECK = "oidc-provider";

    private Readiness() {
    }

    static HttpResponse<String> probe(BackendServer backend) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(backend.uri("/health/ready")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Probes until the status is {@code status} or {@code within} has passed; returns the last answer. */
    static HttpResponse<String> await(BackendServer backend, int status, Duration within)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(within);
        HttpResponse<String> answer = probe(backend);
        while (answer.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            answer = probe(backend);
        }
        return answer;
    }

    /** The reason the provider check gives for being down, or empty when it gives none. */
    static String reason(HttpResponse<String> answer) {
        return Json.object(answer.body()).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> CHECK.equals(check.getString("name")))
                .map(check -> check.getJsonObject("data"))
                .filter(data -> data != null && data.get("reason") != null
                        && data.get("reason").getValueType() == JsonValue.ValueType.STRING)
                .map(data -> data.getString("reason"))
                .findFirst().orElse("");
    }
}
