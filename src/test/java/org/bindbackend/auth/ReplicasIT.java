package org.bindbackend.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three replicas behind a load balancer without sticky sessions: with the same {@code session-signing-key}, a
 * token or cookie from one is accepted by the others. Logout revokes a session on the replica that served it at
 * once; the others accept it until it expires, the bound docs/security.md states and this test measures.
 */
class ReplicasIT {

    /** 48 random bytes in base64, as {@code openssl rand -base64 48} makes them. */
    static final String SHARED_KEY = "ixu/FII3qOLUhw38LE7wuoPgp6fw6MnW3/pFNk4w08dJU4gWav6P54bY3Dz0E+cD";
    static final Duration EXPIRY = Duration.ofSeconds(10);
    static BackendServer first;
    static BackendServer second;
    static BackendServer restricted;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> settings = Map.of("oidc.type", "embedded", "session-signing-key", SHARED_KEY,
                "token-expiry", EXPIRY.toSeconds() + "s");
        first = BackendServer.start(settings);
        // One deployment: every replica is reached at the same external URL (here the first's, where users log in).
        Map<String, String> sameDeployment = new HashMap<>(settings);
        sameDeployment.put("external-url", first.uri("").toString());
        second = BackendServer.start(sameDeployment);
        sameDeployment.put("oidc.allowed-groups", "admins");
        restricted = BackendServer.start(sameDeployment);
    }

    @AfterAll
    static void stop() {
        for (BackendServer server : new BackendServer[] {first, second, restricted}) {
            if (server != null) {
                server.close();
            }
        }
    }

    static String cliToken(BackendServer server, String user, String groups) throws Exception {
        return CliLogin.login(new BrowserlessLogin(), server.uri("/api/authorize"), "s", "c",
                Map.of("username", user, "password", "x", "groups", groups)).get("access_token");
    }

    static HttpResponse<String> ping(BackendServer server, String header, String value) throws Exception {
        return new BrowserlessLogin().client().send(HttpRequest.newBuilder(server.uri("/api/ping")).header(header, value)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenFromOneReplicaIsAcceptedByTheOther() throws Exception {
        String token = cliToken(first, "ada", "");
        assertEquals(200, ping(second, "Authorization", "Bearer " + token).statusCode());
    }

    @Test
    void aCookieFromOneReplicaIsAcceptedByTheOther() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> loginPage = browser.follow(first.uri("/login"));
        browser.follow(BrowserlessLogin.location(browser.submit(loginPage, Map.of("username", "ben", "password", "x"))));
        String cookie = browser.cookie("kube-bind").orElseThrow();
        HttpResponse<String> whoami = new BrowserlessLogin().client().send(HttpRequest.newBuilder(second.uri("/api/whoami"))
                .header("Cookie", "kube-bind=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, whoami.statusCode());
        assertEquals("ben", Json.object(whoami.body()).getString("sub"));
    }

    @Test
    void aReplicaWithStricterAllowListsAnswers403() throws Exception {
        HttpResponse<String> response = ping(restricted, "Authorization", "Bearer " + cliToken(first, "cal", "devs"));
        assertEquals(403, response.statusCode());
        assertEquals("AUTHORIZATION_FAILED", Json.object(response.body()).getString("code"));
        assertEquals(200, ping(restricted, "Authorization", "Bearer " + cliToken(first, "dee", "admins")).statusCode());
    }

    @Test
    void logoutRevokesAtOnceWhereItHappenedAndElsewhereWhenTheTokenExpires() throws Exception {
        Instant issued = Instant.now();
        String token = cliToken(first, "eve", "");
        HttpResponse<String> logout = new BrowserlessLogin().client().send(HttpRequest.newBuilder(first.uri("/api/logout"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, logout.statusCode());
        assertEquals(401, ping(first, "Authorization", "Bearer " + token).statusCode());
        assertEquals(200, ping(second, "Authorization", "Bearer " + token).statusCode(),
                "the other replica has not heard of the logout");

        Instant bound = issued.plus(EXPIRY).plusSeconds(30 + 2); // token-expiry plus the tolerated clock skew
        while (ping(second, "Authorization", "Bearer " + token).statusCode() == 200) {
            assertTrue(Instant.now().isBefore(bound), "accepted beyond token-expiry plus clock skew");
            Thread.sleep(500);
        }
        HttpResponse<String> expired = ping(second, "Authorization", "Bearer " + token);
        assertEquals(401, expired.statusCode());
        assertTrue(Json.object(expired.body()).getString("details").contains("expired"));
    }
}
