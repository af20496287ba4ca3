package org.bindbackend.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bindbackend.testing.BackendServer;

/**
 * The backend's health as an orchestrator and an operator see it: {@code /health/ready} (can this replica serve?)
 * and {@code /healthz/oidc-provider} (can the provider be used?), both anonymous and saying nothing of URLs or
 * errors.
 */
final class ProviderHealth {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ProviderHealth() {
    }

    static HttpResponse<String> provider(BackendServer backend) throws IOException, InterruptedException {
        return get(backend, "/healthz/oidc-provider");
    }

    static HttpResponse<String> readiness(BackendServer backend) throws IOException, InterruptedException {
        return get(backend, "/health/ready");
    }

    /** Asks about the provider until the answer is {@code status} or {@code within} has passed; the last answer. */
    static HttpResponse<String> awaitProvider(BackendServer backend, int status, Duration within)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(within);
        HttpResponse<String> answer = provider(backend);
        while (answer.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            answer = provider(backend);
        }
        return answer;
    }

    /**
     * The provider cannot be used: its health says DOWN and nothing more, and the replica stays ready, since
     * sessions and CLI tokens do not need the provider.
     */
    static void assertProviderDownReplicaReady(BackendServer backend, Duration within, String seen)
            throws IOException, InterruptedException {
        HttpResponse<String> provider = awaitProvider(backend, 503, within);
        assertEquals(503, provider.statusCode(), provider.body() + seen);
        for (String leak : List.of("http", "issuer", "certificate", "PKIX", "127.0.0.1")) {
            assertFalse(provider.body().contains(leak), "the anonymous answer says " + leak + ": " + provider.body());
        }
        HttpResponse<String> ready = readiness(backend);
        assertEquals(200, ready.statusCode(), ready.body());
        assertFalse(ready.body().contains("http"), ready.body());
    }

    private static HttpResponse<String> get(BackendServer backend, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(backend.uri(path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
