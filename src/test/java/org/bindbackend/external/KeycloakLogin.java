package org.bindbackend.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.KeycloakServer;

/**
 * A browser login through Keycloak's real login page, hop by hop, so that a test sees the page each party
 * answered: Keycloak's form, the backend's callback (its 303 home, or its failure page), or a refusal on the way.
 */
final class KeycloakLogin {

    static final String CALLBACK_PATH = "/api/callback";
    private static final int MAX_HOPS = 10;

    private KeycloakLogin() {
    }

    /** A browser that trusts Keycloak's test CA (and nothing else), as a user's browser trusts a real provider. */
    static BrowserlessLogin browser(KeycloakServer keycloak) {
        return new BrowserlessLogin(keycloak.sslContext());
    }

    /** Follows a login from {@code start} to Keycloak's login form and checks that is where it ended. */
    static HttpResponse<String> loginPage(BrowserlessLogin browser, KeycloakServer keycloak, URI start)
            throws IOException, InterruptedException {
        HttpResponse<String> page = browser.follow(start);
        String seen = page.statusCode() + " from " + page.uri() + "\n" + page.body();
        assertEquals(200, page.statusCode(), seen);
        assertEquals(keycloak.port(), page.uri().getPort(), "not Keycloak's page: " + seen);
        assertTrue(page.body().contains("id=\"kc-form-login\""), "not Keycloak's login form: " + seen);
        return page;
    }

    /**
     * Fills Keycloak's login form as {@code user} and follows Keycloak's redirects up to the backend's answer to the
     * callback (kept, so that its 303 and cookie stay visible), or any earlier page that is not a redirect.
     */
    static HttpResponse<String> signIn(BrowserlessLogin browser, HttpResponse<String> loginPage, RealmUser user)
            throws IOException, InterruptedException {
        HttpResponse<String> response = browser.submit(loginPage, user.loginForm());
        for (int hops = 0; BrowserlessLogin.isRedirect(response) && !isCallbackAnswer(response) && hops < MAX_HOPS; hops++) {
            response = browser.get(BrowserlessLogin.location(response));
        }
        return response;
    }

    /** A whole browser login at {@code start}: Keycloak's form, then the backend's answer to the callback. */
    static HttpResponse<String> logIn(BrowserlessLogin browser, KeycloakServer keycloak, URI start, RealmUser user)
            throws IOException, InterruptedException {
        return signIn(browser, loginPage(browser, keycloak, start), user);
    }

    /**
     * A whole browser login at {@code backend}'s {@code /login} as {@code user} that must succeed: the callback
     * answers 303 to the backend's home, with the session cookie. Returns the evidence of the login, for the log.
     */
    static Evidence assertLogsIn(BrowserlessLogin browser, KeycloakServer keycloak, BackendServer backend, RealmUser user)
            throws IOException, InterruptedException {
        Evidence evidence = Evidence.from(backend);
        HttpResponse<String> callback = logIn(browser, keycloak, backend.uri("/login"), user);
        String seen = evidence.of(callback);
        assertEquals(303, callback.statusCode(), seen);
        assertEquals(backend.uri("/"), BrowserlessLogin.location(callback), seen);
        assertTrue(browser.cookie("kube-bind").isPresent(), seen);
        return evidence;
    }

    /**
     * Follows redirects only while they stay on {@code start}'s host and port: the backend's own last word, even
     * when that word is a redirect to a provider that cannot answer.
     */
    static HttpResponse<String> backendAnswer(BrowserlessLogin browser, URI start) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.get(start);
        for (int hops = 0; BrowserlessLogin.isRedirect(response) && sameOrigin(start, BrowserlessLogin.location(response))
                && hops < MAX_HOPS; hops++) {
            response = browser.get(BrowserlessLogin.location(response));
        }
        return response;
    }

    private static boolean isCallbackAnswer(HttpResponse<String> response) {
        return response.uri().getPath().equals(CALLBACK_PATH);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equals(b.getScheme()) && a.getHost().equals(b.getHost()) && a.getPort() == b.getPort();
    }
}
