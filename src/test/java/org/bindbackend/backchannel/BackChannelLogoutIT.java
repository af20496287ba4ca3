package org.bindbackend.backchannel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.bindbackend.testing.AuditEvents;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.HostileProvider;
import org.bindbackend.testing.Json;
import org.bindbackend.testing.RawHttp;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenID Connect Back-Channel Logout 1.0 on a real server, with a provider whose logout tokens the test writes: the
 * honest one ends the sessions of the provider session it names and no other, once; every forgery and every
 * malformed request is a 400 with an OAuth error that ends nothing, never a 500.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackChannelLogoutIT {

    static HostileProvider provider;
    static BackendServer backend;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        provider = HostileProvider.start();
        backend = BackendServer.start(provider.backendSettings());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    /** A browser logged in at the provider (one provider session) and at the backend. */
    static BrowserlessLogin loggedIn() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> home = browser.follow(backend.uri("/login"));
        assertEquals(backend.uri("/"), home.uri(), home.body());
        assertEquals(200, whoami(browser).statusCode());
        return browser;
    }

    static HttpResponse<String> whoami(BrowserlessLogin browser) throws Exception {
        return browser.client().send(HttpRequest.newBuilder(backend.uri("/api/whoami")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(backend.uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> logOut(String logoutToken) throws Exception {
        return post("/api/backchannel-logout", "application/x-www-form-urlencoded",
                "logout_token=" + logoutToken);
    }

    static void assertRefused(HttpResponse<String> answer, String seen) {
        assertEquals(400, answer.statusCode(), seen + ": " + answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""), seen);
        JsonObject error = Json.object(answer.body());
        assertEquals("invalid_request", error.getString("error"), seen);
        assertFalse(error.getString("error_description").isBlank(), seen);
    }

    @Test
    @Order(1)
    void anHonestLogoutTokenEndsItsProviderSessionsSessionsOnceAndNoOthers() throws Exception {
        BrowserlessLogin first = loggedIn();
        String firstSession = provider.lastSession();
        BrowserlessLogin second = loggedIn();
        String token = provider.logoutToken(claims -> claims.setClaim("sid", firstSession));

        HttpResponse<String> answer = logOut(token);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> refused = whoami(first);
        assertEquals(401, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("ended by logout"), refused.body());
        assertEquals(200, whoami(second).statusCode(), "the same user's other provider session lives");

        assertRefused(logOut(token), "the same token again");
        assertTrue(Json.object(logOut(token).body()).getString("error_description").contains("received before"));

        JsonObject ended = AuditEvents.await(backend, "backchannel_logout", "result", "success");
        assertEquals("provider_session", ended.getString("ended"), ended.toString());
        assertEquals(HostileProvider.SUBJECT, ended.getString("subject"), ended.toString());
        JsonObject replayed = AuditEvents.await(backend, "backchannel_logout", "reason", "replayed");
        assertEquals("refused", replayed.getString("result"));
        assertFalse(replayed.toString().contains(token.substring(0, 20)), "the token in the audit trail");
    }

    static Stream<Arguments> forgeries() throws Exception {
        long now = Instant.now().getEpochSecond();
        return Stream.of(
                Arguments.of("signed by an impostor under the provider's kid", provider.logoutTokenSigned("impostor")),
                Arguments.of("unsigned", provider.logoutTokenSigned("none")),
                Arguments.of("HS256 with the client secret", provider.logoutTokenSigned("client-secret")),
                Arguments.of("another issuer", provider.logoutToken(c -> c.setIssuer(HostileProvider.ANOTHER_ISSUER))),
                Arguments.of("another audience", provider.logoutToken(c -> c.setAudience("another-client"))),
                Arguments.of("expired", provider.logoutToken(c -> {
                    c.setIssuedAt(NumericDate.fromSeconds(now - 3600));
                    c.setExpirationTime(NumericDate.fromSeconds(now - 3000));
                })),
                Arguments.of("issued long ago", provider.logoutToken(c -> {
                    c.setIssuedAt(NumericDate.fromSeconds(now - 3600));
                    c.setExpirationTime(NumericDate.fromSeconds(now + 3600));
                })),
                Arguments.of("with a nonce (an ID token)", provider.logoutToken(c -> c.setClaim("nonce", "n-1"))),
                Arguments.of("without the event", provider.logoutToken(c -> c.unsetClaim("events"))),
                Arguments.of("typed as another kind of JWT", provider.logoutTokenTyped("JWT")),
                Arguments.of("naming neither sid nor sub", provider.logoutToken(c -> {
                    c.unsetClaim("sid");
                    c.unsetClaim("sub");
                })),
                Arguments.of("without jti", provider.logoutToken(c -> c.unsetClaim("jti"))),
                Arguments.of("a sid forging a log line", provider.logoutToken(c -> c.setClaim("sid",
                        "x\nSEVERE: FORGED LOG LINE"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    @Order(2)
    void aForgedLogoutTokenEndsNothing(String forgery, String token) throws Exception {
        BrowserlessLogin browser = loggedIn();
        assertRefused(logOut(token), forgery);
        assertEquals(200, whoami(browser).statusCode(), forgery + " ended a session");
        assertFalse(backend.log().contains("\nSEVERE: FORGED LOG LINE"), "a line forged in the log");
    }

    @Test
    @Order(3)
    void aMalformedRequestIsA400AndNeverA500() throws Exception {
        String honest = provider.logoutToken(claims -> { });
        Map<String, HttpResponse<String>> answers = Map.of(
                "no content type", post("/api/backchannel-logout", null, "logout_token=" + honest),
                "JSON", post("/api/backchannel-logout", "application/json", "{\"logout_token\":\"" + honest + "\"}"),
                "empty form", post("/api/backchannel-logout", "application/x-www-form-urlencoded", ""),
                "two tokens", post("/api/backchannel-logout", "application/x-www-form-urlencoded",
                        "logout_token=" + honest + "&logout_token=" + honest),
                "bad percent-encoding", post("/api/backchannel-logout", "application/x-www-form-urlencoded",
                        "logout_token=%zz"),
                "a body of 64 KiB", post("/api/backchannel-logout", "application/x-www-form-urlencoded",
                        "logout_token=" + "a".repeat(64 * 1024)),
                "garbage", post("/api/backchannel-logout", "application/x-www-form-urlencoded", "logout_token=a.b.c"));
        answers.forEach((what, answer) -> assertRefused(answer, what));
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(backend.uri("/api/backchannel-logout")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode(), get.body());
        for (String spelling : new String[] {"/api/backchannel-logout;x=1", "/api/%62ackchannel-logout",
                "/api/./backchannel-logout"}) {
            RawHttp.Response raw = RawHttp.post(backend.port(), spelling, "application/x-www-form-urlencoded",
                    "logout_token=" + honest);
            assertTrue(raw.status() == 200 || raw.status() == 400 || raw.status() == 404, spelling + ": " + raw);
        }
        assertFalse(backend.log().contains("at org.bindbackend."), "a stack trace in the log:\n" + backend.log());
    }

    @Test
    @Order(4)
    void aSubjectAloneEndsEverySessionOfThatUserIssuedUntilThen() throws Exception {
        BrowserlessLogin first = loggedIn();
        BrowserlessLogin second = loggedIn();
        HttpResponse<String> answer = logOut(provider.logoutToken(claims -> claims.unsetClaim("sid")));
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(401, whoami(first).statusCode());
        assertEquals(401, whoami(second).statusCode());
        Thread.sleep(1100);
        assertEquals(200, whoami(loggedIn()).statusCode(), "a login after it lives");
    }
}
