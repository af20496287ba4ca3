package org.bindbackend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.Json;
import org.junit.jupiter.api.Test;

/**
 * Settings kept in the server's own configuration reach the backend: Payara's domain config properties (what its
 * admin console writes), Liberty's server.xml variables.
 */
class ServerConfigurationIT {

    @Test
    void settingsFromTheServersConfigurationReachTheBackend() throws Exception {
        try (BackendServer server = BackendServer.startConfiguredByServer(Map.of("oidc.type", "embedded",
                "provider-pretty-name", "Configured-By-Server", "token-expiry", "45m"))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> exports = http.send(HttpRequest.newBuilder(server.uri("/api/exports")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, exports.statusCode(), server.log());
            assertEquals("Configured-By-Server", Json.object(exports.body()).getString("providerPrettyName"));
            assertEquals(server.uri("/api/authorize").toString(), Json.object(exports.body())
                    .getJsonArray("authenticationMethods").getJsonObject(0).getJsonObject("oauth2CodeGrant")
                    .getString("authenticatedURL"));
            assertTrue(server.log().contains("started in embedded mode"), server.log());
        }
    }
}
