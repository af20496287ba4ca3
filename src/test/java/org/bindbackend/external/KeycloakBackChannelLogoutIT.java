package org.bindbackend.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.KeycloakServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions that follow the real Keycloak through OpenID Connect Back-Channel Logout: with the backend's
 * {@code /api/backchannel-logout} registered for its client, a user who logs out at Keycloak, or whose sessions an
 * administrator ends there, has their browser session and their CLI token refused by the backend at once, while
 * another user's keep working.
 */
class KeycloakBackChannelLogoutIT {

    static final String CLIENT_ID = "bind-backend-backchannel";
    static final Duration AT_ONCE = Duration.ofSeconds(2);
    static KeycloakServer keycloak;
    static BackendServer backend;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.shared();
        backend = BackendServer.start(ExternalSettings.of(keycloak).with("oidc.issuer-client-id", CLIENT_ID)
                .with("oidc.issuer-client-secret", "bind-backend-backchannel-secret").map());
        KeycloakUsers.sendBackChannelLogoutsTo(keycloak, CLIENT_ID, backend.uri("/api/backchannel-logout"));
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    /** A user logged in at Keycloak and in a browser at the backend, with a CLI token from the same Keycloak session. */
    record LoggedIn(BrowserlessLogin browser, String cliToken) {
    }

    static LoggedIn logIn(RealmUser user) throws Exception {
        BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
        KeycloakLogin.assertLogsIn(browser, keycloak, backend, user);
        // The CLI's login in the same browser: Keycloak's session answers at once, so the token comes from it.
        URI start = URI.create(backend.uri("/api/authorize") + "?redirect_url=" + CliLogin.encode(CliLogin.LISTENER)
                + "&session_id=s-" + user.username() + "&client_type=cli&cluster_id=c-1");
        HttpResponse<String> response = browser.get(start);
        for (int hops = 0; BrowserlessLogin.isRedirect(response)
                && !BrowserlessLogin.location(response).toString().startsWith(CliLogin.LISTENER) && hops < 10; hops++) {
            response = browser.get(BrowserlessLogin.location(response));
        }
        String token = CliLogin.query(BrowserlessLogin.location(response)).get("access_token");
        assertEquals(200, status(browser), "the browser session");
        assertEquals(200, status(token), "the CLI token");
        return new LoggedIn(browser, token);
    }

    static int status(BrowserlessLogin browser) throws Exception {
        return browser.client().send(HttpRequest.newBuilder(backend.uri("/api/whoami")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int status(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(backend.uri("/api/whoami")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Waits until the user's browser session and CLI token are both refused, at most {@link #AT_ONCE}. */
    static void assertEndedAtOnce(LoggedIn user, String seen) throws Exception {
        Instant deadline = Instant.now().plus(AT_ONCE);
        while ((status(user.browser()) != 401 || status(user.cliToken()) != 401) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertEquals(401, status(user.browser()), seen + ": the browser session\n" + backend.log());
        assertEquals(401, status(user.cliToken()), seen + ": the CLI token");
    }

    @Test
    void aUserWhoLogsOutAtKeycloakIsLoggedOutHere() throws Exception {
        LoggedIn alice = logIn(RealmUser.ALICE);
        LoggedIn bob = logIn(RealmUser.BOB);
        HttpResponse<String> confirm = alice.browser().follow(URI.create(keycloak.issuer()
                + "/protocol/openid-connect/logout"));
        assertEquals(200, confirm.statusCode(), confirm.body());
        HttpResponse<String> loggedOut = alice.browser().submit(confirm, Map.of());
        assertTrue(loggedOut.statusCode() < 400, loggedOut.statusCode() + " " + loggedOut.body());
        assertEndedAtOnce(alice, "alice logged out at Keycloak");
        assertEquals(200, status(bob.browser()), "bob's browser session");
        assertEquals(200, status(bob.cliToken()), "bob's CLI token");
    }

    @Test
    void aUserWhoseSessionsAnAdministratorEndsAtKeycloakIsLoggedOutHere() throws Exception {
        LoggedIn carol = logIn(RealmUser.CAROL);
        LoggedIn alice = logIn(RealmUser.ALICE);
        KeycloakUsers.logOut(keycloak, RealmUser.CAROL);
        assertEndedAtOnce(carol, "an administrator ended carol's sessions");
        assertEquals(200, status(alice.browser()), "alice's browser session");
        assertEquals(200, status(alice.cliToken()), "alice's CLI token");
    }
}
