package org.bindbackend.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.config.TestSettings;
import org.junit.jupiter.api.Test;

/** A login in progress travels in a signed cookie that only this deployment's replicas read back. */
class LoginCookiesTest {

    static LoginCookies cookies(Settings settings) {
        LoginCookies cookies = new LoginCookies();
        cookies.backendSettings = BackendSettings.of(settings);
        cookies.signingKeys = SessionTokensTest.keys(settings);
        cookies.init();
        return cookies;
    }

    /** The browser sending back the cookie of a {@code Set-Cookie} header value. */
    static Optional<LoginTransaction> sentBack(LoginCookies cookies, String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        Cookie cookie = new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        return cookies.read(AuthenticatorTest.request(Map.of(), cookie));
    }

    private final LoginTransaction cli = LoginTransaction.starting(
            LoginIntent.cli(URI.create("http://127.0.0.1:41234/callback"), "s-1", "c-1")).sentWith("st", "nn", "a-pkce-verifier-of-43-characters-0123456789a");

    @Test
    void aLoginComesBackAsItWasSent() {
        LoginCookies cookies = cookies(TestSettings.external());
        String header = cookies.setCookie(cli);
        assertTrue(header.startsWith("__Host-kube-bind-login="), header);
        assertTrue(header.contains("; Path=/;") && header.contains("HttpOnly") && header.contains("SameSite=Lax")
                && header.endsWith("; Secure"), header);
        assertEquals(Optional.of(cli), sentBack(cookies, header));
    }

    @Test
    void aLoginStartedOnOneReplicaIsReadOnAnotherWithTheSameKey() {
        Settings settings = TestSettings.external("session-signing-key", SessionTokensTest.SHARED_KEY);
        assertEquals(Optional.of(cli), sentBack(cookies(settings), cookies(settings).setCookie(cli)));
    }

    @Test
    void anAlteredOrForeignCookieIsNoLogin() {
        LoginCookies cookies = cookies(TestSettings.external());
        String header = cookies.setCookie(cli);
        String[] parts = header.split("\\.", -1);
        parts[3] = (parts[3].charAt(0) == 'A' ? "B" : "A") + parts[3].substring(1);
        String altered = String.join(".", parts);
        assertFalse(sentBack(cookies, altered).isPresent());
        assertFalse(sentBack(cookies(TestSettings.external()), header).isPresent(), "another replica's own key");
        Settings shared = TestSettings.external("session-signing-key", SessionTokensTest.SHARED_KEY);
        Settings otherDeployment = TestSettings.external("session-signing-key", SessionTokensTest.SHARED_KEY,
                "external-url", "https://other.example.com");
        assertFalse(sentBack(cookies(otherDeployment), cookies(shared).setCookie(cli)).isPresent());
    }

    @Test
    void aSessionTokenIsNoLoginCookie() {
        Settings settings = TestSettings.external("session-signing-key", SessionTokensTest.SHARED_KEY);
        String session = SessionTokensTest.tokens(settings).issue(
                new Identity("s", "iss", "n", "", false, List.of()), "").token();
        assertFalse(sentBack(cookies(settings), "__Host-kube-bind-login=" + session).isPresent());
    }

    @Test
    void theStateMustBeTheOneTheLoginWasSentWith() {
        assertTrue(cli.answers("st"));
        assertFalse(cli.answers("other"));
        assertFalse(cli.answers(null));
        assertFalse(LoginTransaction.starting(LoginIntent.page("/")).answers(null));
    }

    @Test
    void theCookieHidesWhatItHolds() {
        String header = cookies(TestSettings.external()).setCookie(cli);
        String value = header.substring(header.indexOf('=') + 1, header.indexOf(';'));
        assertEquals(5, value.split("\\.", -1).length, "a JWE in compact form: " + value);
        for (String part : value.split("\\.")) {
            String decoded = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1);
            assertFalse(decoded.contains("a-pkce-verifier") || decoded.contains("127.0.0.1"), "readable: " + decoded);
        }
    }

    @Test
    void clearingForgetsTheCookie() {
        assertTrue(cookies(TestSettings.external()).clearCookie().contains("Max-Age=0"));
    }
}
