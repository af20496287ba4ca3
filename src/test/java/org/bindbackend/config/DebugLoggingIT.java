package org.bindbackend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.junit.jupiter.api.Test;

/** {@code --v=2} logs each OIDC step of a login, and never a secret, a code or a token. */
class DebugLoggingIT {

    static final String SECRET = "debug-logging-client-secret-0123456789";

    @Test
    void eachStepIsLoggedAndNoSecret() throws Exception {
        try (BackendServer server = BackendServer.start(Map.of("oidc.type", "embedded", "v", "2",
                "oidc.issuer-client-id", "debug-client", "oidc.issuer-client-secret", SECRET))) {
            BrowserlessLogin browser = new BrowserlessLogin();
            HttpResponse<String> loginPage = browser.follow(server.uri("/login"));
            URI callback = BrowserlessLogin.location(browser.submit(loginPage, Map.of("username", "kai", "password", "pw-kai")));
            String code = CliLogin.query(callback).get("code");
            assertEquals(303, browser.get(callback).statusCode());
            String sessionToken = browser.cookie("kube-bind").orElseThrow();

            String log = server.log();
            for (String step : List.of("Login started (PAGE)", "Callback received", "ID token verified",
                    "Session issued to kai")) {
                assertTrue(log.contains(step), "missing step: " + step);
            }
            for (String secret : List.of(SECRET, code, sessionToken, "pw-kai")) {
                assertFalse(log.contains(secret), "a secret reached the log: " + secret.substring(0, 6) + "...");
            }
        }
    }
}
