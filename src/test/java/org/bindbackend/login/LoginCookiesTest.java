package org.bindbackend.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.config.TestSettings;
import org.bindbackend.keys.TestKeys;
import org.bindbackend.session.Identity;
import org.bindbackend.session.TestSessions;
import org.bindbackend.testing.FakeRequests;
import org.bindbackend.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** A login in progress travels in a signed cookie that only this deployment's replicas read back. */
class LoginCookiesTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));

    static LoginCookies cookies(Settings settings) {
        return cookies(settings, CLOCK);
    }

    static LoginCookies cookies(Settings settings, Clock clock) {
        LoginCookies cookies = new LoginCookies();
        cookies.backendSettings = BackendSettings.of(settings);
        cookies.signingKeys = TestKeys.keys(settings);
        cookies.clock = clock;
        cookies.init();
        return cookies;
    }

    /** The browser sending back the cookie of a {@code Set-Cookie} header value. */
    static Optional<LoginTransaction> sentBack(LoginCookies cookies, String setCookie) {
        String pair = setCookie.split(";", 2)[0];
        Cookie cookie = new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        return cookies.read(FakeRequests.request(Map.of(), cookie));
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
        Settings settings = TestSettings.external("session-signing-key", TestKeys.SHARED_KEY);
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
        Settings shared = TestSettings.external("session-signing-key", TestKeys.SHARED_KEY);
        Settings otherDeployment = TestSettings.external("session-signing-key", TestKeys.SHARED_KEY,
                "external-url", "https://other.example.com");
        assertFalse(sentBack(cookies(otherDeployment), cookies(shared).setCookie(cli)).isPresent());
    }

    @Test
    void aSessionTokenIsNoLoginCookie() {
        Settings settings = TestSettings.external("session-signing-key", TestKeys.SHARED_KEY);
        String session = TestSessions.sessions(settings, CLOCK).issue(
                new Identity("s", "iss", "n", "", false, List.of()), "", "").token();
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
    void aLoginCookieLastsTenMinutes() {
        MutableClock clock = new MutableClock(CLOCK.instant());
        LoginCookies cookies = cookies(TestSettings.external(), clock);
        String header = cookies.setCookie(cli);
        clock.advance(LoginCookies.LIFETIME.minusSeconds(1));
        assertEquals(Optional.of(cli), sentBack(cookies, header));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.empty(), sentBack(cookies, header), "a login that took longer is over");
    }

    @Test
    void clearingForgetsTheCookie() {
        assertTrue(cookies(TestSettings.external()).clearCookie().contains("Max-Age=0"));
    }
}
