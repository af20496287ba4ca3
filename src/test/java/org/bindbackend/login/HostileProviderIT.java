package org.bindbackend.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.HostileProvider;
import org.bindbackend.testing.HostileProvider.Attack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Logs in through a {@link HostileProvider} on a real Payara Micro in external mode. Every forged ID token must end in
 * a readable "Login failed" page and no session, whatever the container's own OpenID Connect client let through; the
 * honest token must log in, which proves that the forgeries fail for what they forge, not because the fixture is
 * broken.
 */
class HostileProviderIT {

    /** A refused login is the user's or the provider's fault, never the backend's (500) and never a success. */
    static final Set<Integer> REFUSAL_STATUSES = Set.of(400, 403, 502);

    /**
     * The forgeries Payara's OpenID Connect client (Soteria) accepts, measured: only the backend's own verifier stands
     * between them and a session, so its reason must be on the page. Open Liberty's client refuses them itself. (An
     * HS256 token signed with the client secret passed Soteria too while it held the real secret; it holds the
     * relay's key now, and refuses that token itself.)
     */
    static final Map<Attack, String> PASSED_BY_THE_CONTAINER = BackendServer.runtime().equals("payara") ? Map.of(
            Attack.NONE_ALG, "not signed with an accepted algorithm") : Map.of();

    static HostileProvider provider;
    static BackendServer backend;

    @BeforeAll
    static void start() throws Exception {
        provider = HostileProvider.start();
        backend = BackendServer.start(provider.backendSettings());
    }

    @AfterAll
    static void stop() {
        stopBoth(backend, provider);
    }

    @ParameterizedTest(name = "{0}")
    // ALG_WITH_LINE_BREAK is LoggedTextIT's: Open Liberty's own client quotes such a header in its log as it is.
    @EnumSource(value = Attack.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"HONEST", "SLOW_TOKEN_ANSWER", "ALG_WITH_LINE_BREAK"})
    void forgedIdTokenIsRefusedWithoutSession(Attack attack) throws Exception {
        provider.attackWith(attack);
        BrowserlessLogin browser = new BrowserlessLogin();
        int logMark = backend.log().length();
        HttpResponse<String> answer = login(browser, backend);
        String seen = attack + ": " + described(answer, backend, logMark);

        assertRefusedWithoutSession(answer, browser, backend, seen);
        if (PASSED_BY_THE_CONTAINER.containsKey(attack)) {
            assertTrue(answer.body().contains(PASSED_BY_THE_CONTAINER.get(attack)), seen);
        }
        assertFalse(backend.log().substring(logMark).lines().anyMatch(line -> line.startsWith("SEVERE: forged")),
                "a forged line in the log: " + seen);
    }

    /** The provider's answer is bounded in time: a slow token endpoint costs a login, not a thread. */
    @Test
    void aSlowTokenEndpointFailsTheLoginWithinTheRelaysTimeout() throws Exception {
        provider.attackWith(Attack.SLOW_TOKEN_ANSWER);
        BrowserlessLogin browser = new BrowserlessLogin();
        int logMark = backend.log().length();
        Instant start = Instant.now();
        HttpResponse<String> answer = login(browser, backend);
        Duration took = Duration.between(start, Instant.now());
        String seen = described(answer, backend, logMark);

        assertRefusedWithoutSession(answer, browser, backend, seen);
        assertTrue(took.toSeconds() < HostileProvider.SLOW_ANSWER_SECONDS, "took " + took + ": " + seen);
    }

    @Test
    void theContainerNeverTalksToTheProviderDirectly() throws Exception {
        provider.attackWith(Attack.HONEST);
        BrowserlessLogin browser = new BrowserlessLogin();
        int logMark = backend.log().length();
        HttpResponse<String> answer = login(browser, backend);
        String log = backend.log().substring(logMark);

        assertEquals(303, answer.statusCode(), log);
        assertTrue(log.contains("Relayed the container's token request"), log);
        assertTrue(log.contains("with a PKCE challenge"), "the provider lists S256, so logins send a challenge: " + log);
        assertTrue(backend.log().contains("Relayed the container's jwks request"), "the key set was not relayed");
    }

    @Test
    void honestIdTokenLogsIn() throws Exception {
        provider.attackWith(Attack.HONEST);
        BrowserlessLogin browser = new BrowserlessLogin();
        int logMark = backend.log().length();
        HttpResponse<String> answer = login(browser, backend);
        String seen = described(answer, backend, logMark);

        assertEquals(303, answer.statusCode(), seen);
        assertEquals(backend.uri("/"), BrowserlessLogin.location(answer), seen);
        assertTrue(browser.cookie("kube-bind").isPresent(), seen);
        HttpResponse<String> whoami = whoami(browser, backend);
        assertEquals(200, whoami.statusCode(), whoami.body());
        JsonObject identity = Json.createReader(new StringReader(whoami.body())).readObject();
        assertEquals(HostileProvider.SUBJECT, identity.getString("sub"));
        assertEquals(HostileProvider.USERNAME, identity.getString("name"));
        assertEquals(provider.issuer().toString(), identity.getString("iss"));
    }

    /**
     * A provider whose discovery document names another issuer than the one it is reached at (OpenID Connect
     * Discovery 1.0, §4.3). It needs a backend of its own: the backend keeps the discovery document of its first
     * successful fetch.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DiscoveryNamingAnotherIssuer {

        HostileProvider liar;
        BackendServer misledBackend;

        @BeforeAll
        void startMisledBackend() throws Exception {
            liar = HostileProvider.start();
            liar.announceIssuer(HostileProvider.ANOTHER_ISSUER);
            misledBackend = BackendServer.start(liar.backendSettings());
        }

        @AfterAll
        void stopMisledBackend() {
            stopBoth(misledBackend, liar);
        }

        @Test
        void loginEndsInA502NamingTheIssuerSetting() throws Exception {
            BrowserlessLogin browser = new BrowserlessLogin();
            int logMark = misledBackend.log().length();
            HttpResponse<String> answer = login(browser, misledBackend);
            String seen = described(answer, misledBackend, logMark);

            assertEquals(502, answer.statusCode(), seen);
            assertRefusedWithoutSession(answer, browser, misledBackend, seen);
            assertTrue(answer.body().contains("oidc.issuer-url"), seen);
            assertTrue(answer.body().contains(HostileProvider.ANOTHER_ISSUER), seen);
        }

        @Test
        void theProviderIsReportedDownWithoutDetailsAndTheLogSaysWhy() throws Exception {
            HttpResponse<String> provider = new BrowserlessLogin().client().send(HttpRequest.newBuilder(
                    misledBackend.uri("/healthz/oidc-provider")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> ready = new BrowserlessLogin().client().send(
                    HttpRequest.newBuilder(misledBackend.uri("/health/ready")).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(503, provider.statusCode(), provider.body());
            assertFalse(provider.body().contains(HostileProvider.ANOTHER_ISSUER), provider.body());
            assertEquals(200, ready.statusCode(), "sessions and CLI tokens need no provider: " + ready.body());
            assertTrue(misledBackend.log().contains("oidc.issuer-url"), misledBackend.log());
            assertTrue(misledBackend.log().contains(HostileProvider.ANOTHER_ISSUER), misledBackend.log());
        }
    }

    /**
     * Starts a login at {@code /login} and follows it hop by hop (the provider answers {@code /authorize} at once) up
     * to the backend's last word: the callback's answer, so that its 303 home stays visible, or any earlier page
     * that is not a redirect.
     */
    static HttpResponse<String> login(BrowserlessLogin browser, BackendServer backend)
            throws IOException, InterruptedException {
        HttpResponse<String> response = browser.get(backend.uri("/login"));
        for (int hops = 0; BrowserlessLogin.isRedirect(response) && !isCallbackAnswer(response) && hops < 10; hops++) {
            response = browser.get(BrowserlessLogin.location(response));
        }
        return response;
    }

    static void assertRefusedWithoutSession(HttpResponse<String> answer, BrowserlessLogin browser,
            BackendServer backend, String seen) throws IOException, InterruptedException {
        assertTrue(REFUSAL_STATUSES.contains(answer.statusCode()), seen);
        assertTrue(answer.body().contains("Login failed"), seen);
        assertFalse(answer.body().contains("at org."), "a stack trace on the page: " + seen);
        assertFalse(answer.body().contains("Exception:"), "an exception on the page: " + seen);
        assertTrue(browser.cookie("kube-bind").isEmpty(), "a session cookie was set: " + seen);
        assertEquals(401, whoami(browser, backend).statusCode(), "the browser has a session: " + seen);
    }

    static HttpResponse<String> whoami(BrowserlessLogin browser, BackendServer backend)
            throws IOException, InterruptedException {
        return browser.client().send(HttpRequest.newBuilder(backend.uri("/api/whoami")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void stopBoth(BackendServer backend, HostileProvider provider) {
        if (backend != null) {
            backend.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static boolean isCallbackAnswer(HttpResponse<String> response) {
        return response.uri().getPath().equals("/api/callback");
    }

    /** The answer and what the backend logged since {@code logMark}, for an assertion's message. */
    private static String described(HttpResponse<String> answer, BackendServer backend, int logMark)
            throws IOException {
        return answer.statusCode() + " from " + answer.uri() + "\n" + answer.body()
                + "\nbackend log:\n" + backend.log().substring(logMark);
    }
}
