package org.bindbackend.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.HostileProvider;
import org.junit.jupiter.api.Test;

/**
 * {@code oidc.authorize-url} replaces the authorization endpoint the provider's discovery names, as the seed's
 * {@code --oidc-authorize-url} flag promises (the kube-bind Go backend parses it and ignores it).
 */
class AuthorizeUrlOverrideIT {

    static final String CLIENT_SECRET = "authorize-url-override-secret-0123456789";

    @Test
    void theBrowserIsSentToTheConfiguredAuthorizationEndpoint() throws Exception {
        try (HostileProvider provider = HostileProvider.start("bind", CLIENT_SECRET)) {
            URI override = URI.create(provider.issuer() + "/behind-a-proxy/authorize");
            try (BackendServer backend = BackendServer.start(Map.of("oidc.type", "external",
                    "oidc.issuer-url", provider.issuer().toString(), "oidc.issuer-client-id", "bind",
                    "oidc.issuer-client-secret", CLIENT_SECRET, "oidc.authorize-url", override.toString()))) {
                BrowserlessLogin browser = new BrowserlessLogin();
                HttpResponse<String> start = browser.get(BrowserlessLogin.location(browser.get(backend.uri("/login"))));
                assertEquals(302, start.statusCode(), start.body());
                URI redirect = BrowserlessLogin.location(start);
                assertTrue(redirect.toString().startsWith(override + "?"), redirect.toString());
                assertTrue(redirect.getQuery().contains("client_id=bind"), redirect.toString());
            }
        }
    }
}
