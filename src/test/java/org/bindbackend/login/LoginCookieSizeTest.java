package org.bindbackend.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.bindbackend.config.TestSettings;
import org.junit.jupiter.api.Test;

/** A login begins only when its cookie, at its largest, fits the 4096 bytes browsers keep. */
class LoginCookieSizeTest {

    static final LoginCookies COOKIES = LoginCookiesTest.cookies(TestSettings.external());

    /** The most characters {@code c} a page's return path {@code /} + c... takes. */
    static int longestPathOf(String c) {
        int n = 0;
        while (fits(LoginIntent.page("/" + c.repeat(n + 1)))) {
            n++;
        }
        return n;
    }

    static boolean fits(LoginIntent intent) {
        try {
            LoginCookieSize.check(COOKIES, intent);
            return true;
        } catch (OversizedLoginException e) {
            return false;
        }
    }

    @Test
    void theLimitIsInTheBytesOfTheSealedJsonNotInCharacters() {
        int ascii = longestPathOf("a");
        int euros = longestPathOf("\u20ac");
        int umlauts = longestPathOf("\u00fc");
        assertTrue(ascii >= 2048, "a 2048-character ASCII path must fit: " + ascii);
        // JSON (as jose4j writes it) escapes U+2000..U+20FF as six bytes; UTF-8 takes two for an ü.
        assertTrue(euros <= ascii / 6 + 1, "euros " + euros + ", ascii " + ascii);
        assertTrue(umlauts <= ascii / 2 + 1, "umlauts " + umlauts + ", ascii " + ascii);
    }

    @Test
    void everyCookieOfALoginThatBeginsFitsWithTheContainersStateAndTheVerifier() {
        int euros = longestPathOf("\u20ac");
        LoginTransaction sent = LoginTransaction.starting(LoginIntent.page("/" + "\u20ac".repeat(euros)))
                .sentWith("s".repeat(LoginCookieSize.STATE_ROOM), "n".repeat(LoginCookieSize.STATE_ROOM),
                        ProofKey.random().verifier());
        assertTrue(org.bindbackend.http.Cookies.bytes(COOKIES.setCookie(sent)) < LoginCookieSize.MAX_BYTES);
        OversizedLoginException tooLong = assertThrows(OversizedLoginException.class, () -> LoginCookieSize.check(
                COOKIES, LoginIntent.page("/" + "\u20ac".repeat(euros + 1))));
        assertTrue(tooLong.bytes() >= LoginCookieSize.MAX_BYTES, tooLong.getMessage());
        assertTrue(tooLong.getMessage().contains("more than the 4096 a browser keeps"), tooLong.getMessage());
    }

    @Test
    void aKubeBindRedirectUrlCountsTheSame() {
        URI ui = URI.create("https://ui.example.com/?pad=" + "\u20ac".repeat(800));
        assertEquals(false, fits(LoginIntent.ui(ui, "s-1", "c-1")));
        assertEquals(false, fits(LoginIntent.cli(URI.create("http://127.0.0.1:41234/?pad=" + "\u20ac".repeat(800)),
                "s-1", "c-1")));
        assertEquals(true, fits(LoginIntent.cli(URI.create("http://127.0.0.1:41234/callback"), "s-1", "c-1")));
    }
}
