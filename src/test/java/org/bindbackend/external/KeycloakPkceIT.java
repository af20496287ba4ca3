package org.bindbackend.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.KeycloakServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PKCE (RFC 7636) in external mode against a real Keycloak, whose clients can require it: a confidential client
 * that requires S256 logs in, since Keycloak lists S256 and the backend sends a challenge; the same client with
 * PKCE turned off is refused with a readable page; a public client, without a secret, logs in by PKCE alone.
 */
class KeycloakPkceIT {

    static final String PKCE_CLIENT = "bind-backend-pkce";
    static final String PUBLIC_CLIENT = "bind-backend-public";

    static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.shared();
    }

    /** Alice logs in at {@code backend}; the backend logs her in, with a session cookie. */
    private static void assertAliceLogsIn(BackendServer backend) throws Exception {
        BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
        Evidence evidence = Evidence.from(backend);
        HttpResponse<String> callback = KeycloakLogin.logIn(browser, keycloak, backend.uri("/login"), RealmUser.ALICE);
        String seen = evidence.of(callback);
        assertEquals(303, callback.statusCode(), seen);
        assertEquals(backend.uri("/"), BrowserlessLogin.location(callback), seen);
        assertTrue(browser.cookie("kube-bind").isPresent(), seen);
        assertTrue(evidence.log().contains("with a PKCE challenge"), seen);
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
}
