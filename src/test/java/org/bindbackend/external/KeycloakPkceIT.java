package org.bindbackend.external;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.KeycloakServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PKCE (RFC 7636) in external mode against a real Keycloak, whose clients can require it: a confidential client
 * that requires S256 logs in, since Keycloak lists S256 and the backend sends a challenge; the same client with
 * PKCE turned off is refused with a readable page; a public client, without a secret, logs in by PKCE alone. And
 * the attack PKCE is for: a code stolen from one browser's login and injected into another's callback.
 */
class KeycloakPkceIT {

    static final String PKCE_CLIENT = "bind-backend-pkce";
    static final String PUBLIC_CLIENT = "bind-backend-public";
    /** Open Liberty's OpenID Connect client's message for a token that fails its validation. */
    private static final String LIBERTY_TOKEN_INVALID = "CWWKS2415E";

    static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.shared();
    }

    /** Alice logs in at {@code backend}; the backend logs her in, with a session cookie. */
    private static void assertAliceLogsIn(BackendServer backend) throws Exception {
        Evidence evidence = KeycloakLogin.assertLogsIn(KeycloakLogin.browser(keycloak), keycloak, backend,
                RealmUser.ALICE);
        assertTrue(evidence.log().contains("with a PKCE challenge"), evidence.log());
    }

    @Test
    void aConfidentialClientThatRequiresPkceLogsIn() throws Exception {
        Map<String, String> settings = ExternalSettings.of(keycloak).with("oidc.issuer-client-id", PKCE_CLIENT)
                .with("oidc.issuer-client-secret", "bind-backend-pkce-secret").map();
        try (BackendServer backend = BackendServer.start(settings)) {
            assertAliceLogsIn(backend);
        }
    }

    @Test
    void withoutPkceTheClientThatRequiresItRefusesTheLoginReadably() throws Exception {
        Map<String, String> settings = ExternalSettings.of(keycloak).with("oidc.issuer-client-id", PKCE_CLIENT)
                .with("oidc.issuer-client-secret", "bind-backend-pkce-secret").with("oidc.pkce", "off").map();
        try (BackendServer backend = BackendServer.start(settings)) {
            BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
            Evidence evidence = Evidence.from(backend);
            HttpResponse<String> page = browser.follow(backend.uri("/login"));
            String seen = evidence.of(page);
            FailurePages.assertReadable(page, 400, "Login failed", seen);
            assertTrue(page.body().contains("invalid_request"), seen);
            FailurePages.assertNoSession(browser, backend, seen);
        }
    }

    @Test
    void aPublicClientLogsInWithoutASecret() throws Exception {
        Map<String, String> settings = ExternalSettings.of(keycloak).with("oidc.issuer-client-id", PUBLIC_CLIENT)
                .without("oidc.issuer-client-secret").map();
        try (BackendServer backend = BackendServer.start(settings)) {
            assertAliceLogsIn(backend);
        }
    }

    /**
     * Code injection (RFC 9700 §4.5): Bob, the attacker, has stolen the code of Alice's login (from a log, a referrer,
     * a malicious app on her device) and puts it into the callback of a login he started himself, so that the state
     * and the login cookie are his own and the backend's callback check passes. The backend exchanges Alice's code
     * with Bob's login's verifier: Keycloak refuses it (RFC 7636 §4.6), the code is never redeemed, and Bob gets a
     * readable failure and no session.
     */
    @Test
    void aCodeInjectedIntoAnotherBrowsersLoginIsRefusedByItsVerifier() throws Exception {
        try (BackendServer backend = BackendServer.start(ExternalSettings.of(keycloak).map())) {
            Injection injection = Injection.ofAlicesCodeIntoBobsLogin(backend);
            assertTrue(injection.evidence.log().contains("PKCE verification failed"), "not refused for its verifier: "
                    + injection.seen);
        }
    }

    /**
     * The same injection with PKCE off: the code is redeemed, but the ID token carries the nonce of Alice's login,
     * not Bob's, and the login is refused for it (OIDC Core 3.1.3.7 step 11; the server's OpenID Connect client
     * checks it before the backend's own verifier does, which IdTokenVerifierTest covers on its own). PKCE
     * stops the attack one step earlier.
     */
    @Test
    void withoutPkceTheInjectedCodesIdTokenIsRefusedForItsNonce() throws Exception {
        try (BackendServer backend = BackendServer.start(ExternalSettings.of(keycloak).with("oidc.pkce", "off").map())) {
            Injection injection = Injection.ofAlicesCodeIntoBobsLogin(backend);
            assertFalse(injection.answer.body().contains("Exception"), "the server's words on the page: "
                    + injection.seen);
            // Payara's client throws, and the backend's refusal line quotes it; Open Liberty's logs its own error
            assertTrue(injection.evidence.log().lines().anyMatch(line -> (line.contains("Login refused (")
                    || line.contains(LIBERTY_TOKEN_INVALID)) && line.toLowerCase(Locale.ROOT).contains("nonce")),
                    "not refused for its nonce: " + injection.seen);
        }
    }

    /**
     * Bob's browser brings his own login's callback with the code of Alice's login in place of his, and is refused
     * readably (a 502, since the provider's or the server's client refused what came back) without a session.
     */
    private record Injection(HttpResponse<String> answer, Evidence evidence, String seen) {

        static Injection ofAlicesCodeIntoBobsLogin(BackendServer backend) throws Exception {
            URI alicesCallback = callbackNotFollowed(KeycloakLogin.browser(keycloak), backend, RealmUser.ALICE);
            BrowserlessLogin bob = KeycloakLogin.browser(keycloak);
            URI bobsCallback = callbackNotFollowed(bob, backend, RealmUser.BOB);
            Evidence evidence = Evidence.from(backend);
            HttpResponse<String> answer = bob.get(withCodeOf(bobsCallback, alicesCallback));
            String seen = evidence.of(answer);
            FailurePages.assertReadable(answer, 502, "Login failed", seen);
            FailurePages.assertNoSession(bob, backend, seen);
            return new Injection(answer, evidence, seen);
        }
    }

    /**
     * {@code user}'s login at {@code backend} in {@code browser} up to Keycloak's redirect to the backend's callback,
     * which is returned unvisited: its code is still unredeemed.
     */
    private static URI callbackNotFollowed(BrowserlessLogin browser, BackendServer backend, RealmUser user)
            throws IOException, InterruptedException {
        HttpResponse<String> response = browser.submit(KeycloakLogin.loginPage(browser, keycloak,
                backend.uri("/login")), user.loginForm());
        for (int hops = 0; hops < 10 && BrowserlessLogin.isRedirect(response); hops++) {
            URI next = BrowserlessLogin.location(response);
            if (next.getPath().equals(KeycloakLogin.CALLBACK_PATH)) {
                return next;
            }
            response = browser.get(next);
        }
        throw new AssertionError("Keycloak did not send " + user.username() + " to the callback: "
                + response.statusCode() + " from " + response.uri() + "\n" + response.body());
    }

    /** {@code callback} with the {@code code} parameter of {@code stolen} in place of its own. */
    private static URI withCodeOf(URI callback, URI stolen) {
        String ownCode = CliLogin.query(callback).get("code");
        String stolenCode = CliLogin.query(stolen).get("code");
        assertTrue(ownCode != null && stolenCode != null && !ownCode.equals(stolenCode), callback + ", " + stolen);
        String query = callback.getRawQuery().replaceFirst("(^|&)code=[^&]*", "$1code=" + CliLogin.encode(stolenCode));
        return URI.create(callback.toString().replace(callback.getRawQuery(), query));
    }
}
