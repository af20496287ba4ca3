package org.bindbackend.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bindbackend.testing.AuditEvents;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.Scrape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees, read as a scraper and a log collector read it, on a real server: the metrics at
 * {@code /metrics} in the Prometheus text format move with what the backend does and carry no user in a label;
 * the audit trail has one JSON line per event with the request's id, which the request's other log lines carry too.
 */
class ObservabilityIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static BackendServer backend;

    @BeforeAll
    static void start() throws Exception {
        backend = BackendServer.start(Map.of("oidc.type", "embedded", "v", "2", "oidc.allowed-users",
                "olivia,peggy,quentin,rupert,sybil,trent,victor,wendy"));
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    static String cliToken(String user) throws Exception {
        return CliLogin.login(new BrowserlessLogin(), backend.uri("/api/authorize"), "s-" + user, "c-1",
                Map.of("username", user, "password", "any")).get("access_token");
    }

    /** A browser's login at the embedded provider's page as {@code user}: the page it ends on. */
    static HttpResponse<String> browserLogin(String user) throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> signedIn = browser.submit(browser.follow(backend.uri("/login")),
                Map.of("username", user, "password", "any"));
        return browser.follow(BrowserlessLogin.location(signedIn));
    }

    static int call(String path, String method, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(backend.uri(path)).method(method,
                HttpRequest.BodyPublishers.noBody());
        if (header != null) {
            request.header(header, value);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static List<JsonObject> audit(String event) throws IOException {
        return AuditEvents.in(backend.log(), event);
    }

    static JsonObject awaitAudit(String event, String field, String value) throws Exception {
        return AuditEvents.await(backend, event, field, value);
    }

    @Test
    void theApisAuthenticationsAreCountedByCredentialAndResult() throws Exception {
        String token = cliToken("olivia");
        Scrape before = Scrape.of(backend.uri("/"));
        assertEquals(200, call("/api/ping", "GET", "Authorization", "Bearer " + token));
        assertEquals(401, call("/api/ping", "GET", "Authorization", "Bearer not.a.token"));
        assertEquals(401, call("/api/ping", "GET", null, null));
        assertEquals(401, call("/api/ping", "GET", "Cookie", "kube-bind=" + token.substring(0, token.length() - 4) + "AAAA"));
        Scrape after = Scrape.of(backend.uri("/"));
        String name = "bind_api_authentications_total";
        assertEquals(1, delta(before, after, name, "credential", "bearer", "result", "accepted"), after.toString());
        assertEquals(1, delta(before, after, name, "credential", "bearer", "result", "invalid"));
        assertEquals(1, delta(before, after, name, "credential", "none", "result", "none"));
        assertEquals(1, delta(before, after, name, "credential", "cookie", "result", "bad_signature"));
    }

    @Test
    void logoutsAreCountedByKindAndAuditedWithTheRequestsId() throws Exception {
        String here = cliToken("peggy");
        String everywhere = cliToken("quentin");
        Scrape before = Scrape.of(backend.uri("/"));
        HttpResponse<Void> logout = HTTP.send(HttpRequest.newBuilder(backend.uri("/api/logout"))
                .header("Authorization", "Bearer " + here).header("X-Request-Id", "logout-request-0001")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(204, logout.statusCode());
        assertEquals(204, call("/api/logout-everywhere", "POST", "Authorization", "Bearer " + everywhere));
        Scrape after = Scrape.of(backend.uri("/"));
        assertEquals(1, delta(before, after, "bind_logouts_total", "kind", "here"), after.toString());
        assertEquals(1, delta(before, after, "bind_logouts_total", "kind", "everywhere"));
        assertTrue(after.value("bind_revocations_held") >= 2, after.toString());

        JsonObject event = awaitAudit("logout", "request_id", "logout-request-0001");
        assertEquals("peggy", event.getString("subject"));
        assertEquals("peggy", event.getString("user"));
        assertEquals("here", event.getString("kind"));
        assertEquals("success", event.getString("result"));
        assertEquals("127.0.0.1", event.getString("client_address"));
        assertTrue(Instant.parse(event.getString("time")).isAfter(Instant.now().minusSeconds(60)));
        assertTrue(backend.log().contains("[request logout-request-0001] "), "the request's other lines carry its id");
        assertEquals("everywhere", awaitAudit("logout", "subject", "quentin").getString("kind"));
        assertFalse(backend.log().contains(here), "a token in the log");
    }

    @Test
    void aRequestIdFromOutsideIsTakenOnlyWhenItIsAShortToken() throws Exception {
        String token = cliToken("rupert");
        HTTP.send(HttpRequest.newBuilder(backend.uri("/api/logout")).header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "x".repeat(300)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        JsonObject event = awaitAudit("logout", "subject", "rupert");
        assertTrue(event.getString("request_id").matches("[A-Za-z0-9_-]{12}"), event.toString());
    }

    @Test
    void noLabelHoldsAUserASubjectOrAUrl() throws Exception {
        cliToken("sybil");
        for (Scrape.Sample sample : Scrape.of(backend.uri("/")).samples()) {
            if (!sample.name().startsWith("bind_")) {
                continue;
            }
            for (String value : sample.labels().values()) {
                assertFalse(value.contains("sybil") || value.contains("olivia") || value.contains("://")
                        || value.contains("127.0.0.1"), sample.toString());
            }
        }
    }

    @Test
    void theProviderIsUpAndItsDocumentsFetched() throws Exception {
        cliToken("trent");
        Scrape metrics = Scrape.of(backend.uri("/"));
        assertEquals(1, metrics.value("bind_provider_up"), metrics.toString());
        assertTrue(metrics.value("bind_provider_last_success_age_seconds") < 60, metrics.toString());
        assertTrue(metrics.value("bind_provider_fetches_total", "document", "discovery", "result", "ok") > 0);
        assertTrue(metrics.value("bind_provider_fetches_total", "document", "jwks", "result", "ok") > 0);
        assertTrue(metrics.has("bind_provider_fetches_total"), "failures are counted from zero");
        assertEquals(0, metrics.value("bind_provider_fetches_total", "document", "jwks", "result", "unreachable"));
    }

    @Test
    void loginsAreCountedTimedAndAudited() throws Exception {
        Scrape before = Scrape.of(backend.uri("/"));
        cliToken("victor");
        HttpResponse<String> home = browserLogin("wendy");
        assertEquals(200, home.statusCode(), home.body());
        Scrape after = Scrape.of(backend.uri("/"));
        for (String client : List.of("cli", "browser")) {
            assertEquals(1, delta(before, after, "bind_logins_started_total", "mode", "embedded", "client", client),
                    after.toString());
            assertEquals(1, delta(before, after, "bind_logins_completed_total", "mode", "embedded", "client", client));
        }
        assertEquals(2, delta(before, after, "bind_login_duration_seconds_count", "mode", "embedded"));
        assertTrue(after.value("bind_login_duration_seconds_sum", "mode", "embedded") > 0);
        assertEquals(2, delta(before, after, "bind_login_duration_seconds_bucket", "mode", "embedded", "le", "+Inf"),
                "a histogram, whose buckets add up across replicas: " + after);

        JsonObject cli = awaitAudit("login_completed", "user", "victor");
        assertEquals("cli", cli.getString("client_type"));
        assertEquals("embedded", cli.getString("mode"));
        assertEquals("success", cli.getString("result"));
        assertEquals("127.0.0.1", cli.getString("client_address"));
        JsonObject issued = awaitAudit("token_issued", "user", "victor");
        assertEquals("cli", issued.getString("client_type"));
        assertEquals("127.0.0.1", issued.getString("redirect_host"));
        assertEquals(cli.getString("request_id"), issued.getString("request_id"), "one request, one id");
        assertEquals("browser", awaitAudit("login_completed", "user", "wendy").getString("client_type"));
        assertTrue(audit("token_issued").stream().noneMatch(event -> "wendy".equals(event.getString("user", null))),
                "a browser's own session is no token handed out");
        for (JsonObject event : audit("login_completed")) {
            assertFalse(event.toString().contains("eyJ"), "a token in the audit trail: " + event);
        }
    }

    @Test
    void refusedLoginsAreCountedByReasonAndAudited() throws Exception {
        Scrape before = Scrape.of(backend.uri("/"));
        assertEquals(400, HTTP.send(HttpRequest.newBuilder(backend.uri("/api/callback?code=c0de&state=5tate"))
                .header("X-Request-Id", "forged-callback-01").build(), HttpResponse.BodyHandlers.discarding())
                .statusCode());
        HttpResponse<String> refused = browserLogin("mallory");
        assertEquals(403, refused.statusCode(), refused.body());
        Scrape after = Scrape.of(backend.uri("/"));
        assertEquals(1, delta(before, after, "bind_logins_refused_total", "mode", "embedded", "client", "unknown",
                "reason", "no_login_in_progress"), after.toString());
        assertEquals(1, delta(before, after, "bind_logins_refused_total", "mode", "embedded", "client", "browser",
                "reason", "not_allowed"));

        JsonObject notAllowed = awaitAudit("login_refused", "user", "mallory");
        assertEquals("not_allowed", notAllowed.getString("reason"));
        assertEquals("browser", notAllowed.getString("client_type"));
        assertEquals("refused", notAllowed.getString("result"));
        JsonObject forged = awaitAudit("login_refused", "request_id", "forged-callback-01");
        assertEquals("no_login_in_progress", forged.getString("reason"));
        assertEquals("unknown", forged.getString("client_type"));
        assertFalse(forged.containsKey("subject"), forged.toString());
    }

    static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
