package org.bindbackend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real Payara Micro with invalid settings: one clear line each, nothing served but health, readiness DOWN. */
class InvalidSettingsIT {

    static BackendServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = BackendServer.start(Map.of(
                "oidc.type", "external",
                "oidc.issuer-url", "ftp://login.example.com",
                "oidc.issuer-client-secret", "do-not-log-me",
                "token-expiry", "forever"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachInvalidSettingIsOneLogLineNamingKeyProblemAndExpectation() throws Exception {
        String log = server.log();
        assertTrue(log.contains("Invalid setting oidc.issuer-url (flag --oidc-issuer-url, env OIDC_ISSUER_URL): "
                + "\"ftp://login.example.com\" is not an absolute http or https URL; expected"), log);
        assertTrue(log.contains("Invalid setting oidc.issuer-client-id (flag --oidc-issuer-client-id, env "
                + "OIDC_ISSUER_CLIENT_ID): it is not set; expected"));
        assertTrue(log.contains("Invalid setting token-expiry (flag --token-expiry, env TOKEN_EXPIRY): \"forever\""));
        assertTrue(log.contains("bind-backend is NOT configured (3 invalid settings"));
        assertFalse(log.contains("do-not-log-me"), "the secret never reaches the log");
    }

    @Test
    void servesNothingButHealth() throws Exception {
        HttpResponse<String> page = get("/", "text/html");
        assertEquals(503, page.statusCode());
        assertTrue(page.body().contains("Not configured"));
        HttpResponse<String> api = get("/api/ping", "application/json");
        assertEquals(503, api.statusCode());
        assertTrue(api.body().contains("\"code\":\"SERVICE_UNAVAILABLE\""), api.body());
        assertEquals(503, get("/login", "text/html").statusCode());
        assertEquals(503, get("/oidc/.well-known/openid-configuration", "application/json").statusCode());
        HttpResponse<String> start = get("/login/start", "text/html");
        assertEquals(503, start.statusCode(), start.body());
        assertFalse(start.body().contains("Exception"), start.body());
    }

    @Test
    void livenessStaysUpWhileReadinessAndStartupAreDown() throws Exception {
        assertEquals(200, get("/health/live", "application/json").statusCode());
        HttpResponse<String> ready = get("/health/ready", "application/json");
        assertEquals(503, ready.statusCode());
        assertTrue(ready.body().contains("invalid settings"), ready.body());
        assertEquals(503, get("/health/started", "application/json").statusCode());
    }
}
