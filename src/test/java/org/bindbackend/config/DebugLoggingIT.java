package org.bindbackend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.RawHttp;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/**
 * {@code --v=2} logs each OIDC step of a login, and, along every failure path a user or an attacker can drive,
 * never a secret, a code, a token or a claim set, and never a line an attacker wrote.
 */
class DebugLoggingIT {

    static final String SECRET = "debug-logging-client-secret-0123456789";
    /** What anything a JWT is starts with: a header and a payload, each base64url of a JSON object. */
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ");
    /** A log line an attacker would like to add. */
    static final String FORGED = "SEVERE: forged";

    @Test
    void eachStepIsLoggedAndNoSecretTokenOrForgedLine() throws Exception {
        try (BackendServer server = BackendServer.start(Map.of("oidc.type", "embedded", "v", "2",
                "oidc.issuer-client-id", "debug-client", "oidc.issuer-client-secret", SECRET))) {
            List<String> secrets = new ArrayList<>(List.of(SECRET, "pw-kai"));

            // A browser login, start to end.
            BrowserlessLogin browser = new BrowserlessLogin();
            HttpResponse<String> loginPage = browser.follow(server.uri("/login"));
            secrets.add(browser.cookie("kube-bind-login").orElseThrow());
            URI callback = BrowserlessLogin.location(browser.submit(loginPage, Map.of("username", "kai", "password", "pw-kai")));
            secrets.add(CliLogin.query(callback).get("code"));
            assertEquals(303, browser.get(callback).statusCode());
            String sessionToken = browser.cookie("kube-bind").orElseThrow();
            secrets.add(sessionToken);

            // The same callback again (a replay), and a callback with the state of no login here.
            browser.get(callback);
            new BrowserlessLogin().get(server.uri("/api/callback?code=c&state=s"));

            // A CLI login: its token travels in a redirect's query.
            String cliToken = CliLogin.login(new BrowserlessLogin(), server.uri("/api/authorize"), "s-1", "c-1",
                    Map.of("username", "lee", "password", "pw-lee")).get("access_token");
            secrets.add(cliToken);
            secrets.add("pw-lee");

            // Tokens that fail: altered, signed with another key (another replica's), garbage.
            String altered = sessionToken.substring(0, sessionToken.length() - 4) + "AAAA";
            String foreign = signedWithAnotherKey(server);
            secrets.add(altered);
            secrets.add(foreign);
            for (String token : List.of(altered, foreign, "x.y.z")) {
                RawHttp.send(server.port(), "GET /api/whoami HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n", "");
                RawHttp.send(server.port(), "GET / HTTP/1.1\r\nCookie: kube-bind=" + token + "\r\n", "");
            }
            RawHttp.send(server.port(), "GET /api/callback?code=c&state=s HTTP/1.1\r\nCookie: kube-bind-login="
                    + altered + "\r\n", "");

            // Text that reaches the log: the provider's error at the callback, a user name, a client id.
            String lineBreak = "%0D%0A" + FORGED.replace(" ", "%20");
            new BrowserlessLogin().get(server.uri("/api/callback?state=s&error=access_denied" + lineBreak
                    + "&error_description=x" + lineBreak));
            HttpResponse<String> form = new BrowserlessLogin().follow(server.uri("/login"));
            new BrowserlessLogin().submit(form, Map.of("username", "kai\r\n" + FORGED, "password", "x"));
            RawHttp.post(server.port(), "/oidc/token", "application/x-www-form-urlencoded",
                    "grant_type=authorization_code&code=x&client_id=debug-client&client_secret=a-wrong-guess");
            new BrowserlessLogin().client().send(HttpRequest.newBuilder(server.uri("/api/logout"))
                    .header("Authorization", "Bearer " + cliToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());

            String log = server.log();
            for (String step : List.of("Login started (PAGE)", "Callback received", "ID token verified",
                    "Session issued to \"kai\"", "Login refused (provider_error)", "Refused a session token")) {
                assertTrue(log.contains(step), "missing step: " + step);
            }
            for (String secret : secrets) {
                assertFalse(log.contains(secret), "a secret reached the log: " + secret.substring(0, 6) + "...");
            }
            assertFalse(JWT.matcher(log).find(), "a JWT reached the log: " + excerpt(log, JWT));
            assertFalse(log.lines().anyMatch(line -> line.startsWith(FORGED)), "a forged line in the log");
        }
    }

    /** A session token as another replica, with its own session-signing-key, would make it for this deployment. */
    private static String signedWithAnotherKey(BackendServer server) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(server.uri("").toString());
        claims.setAudience(server.uri("").toString());
        claims.setSubject("kai");
        claims.setGeneratedJwtId();
        claims.setExpirationTimeMinutesInTheFuture(10);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey("another-replica-with-another-key-0123456789".getBytes()));
        return jws.getCompactSerialization();
    }

    private static String excerpt(String log, Pattern pattern) {
        var matcher = pattern.matcher(log);
        return matcher.find() ? log.substring(Math.max(0, matcher.start() - 300), Math.min(log.length(), matcher.end() + 100)) : "";
    }
}
