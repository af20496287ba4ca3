package org.bindbackend.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.bindbackend.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** A login cookie is good for one callback: its state is answered once, for as long as the cookie could live. */
class AnsweredLoginsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));

    AnsweredLogins answered() {
        AnsweredLogins answered = new AnsweredLogins();
        answered.clock = clock;
        return answered;
    }

    @Test
    void aLoginIsAnsweredOnceWhileItsCookieCouldLive() {
        AnsweredLogins answered = answered();
        assertTrue(answered.firstAnswer("state-1"));
        assertTrue(answered.firstAnswer("state-2"));
        for (int replay = 0; replay < 1000; replay++) {
            assertFalse(answered.firstAnswer("state-1"));
        }
        clock.advance(LoginCookies.LIFETIME.minusSeconds(1));
        assertFalse(answered.firstAnswer("state-1"), "its cookie is still valid");
        assertEquals(2, answered.size(), "replays take no room");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(answered.firstAnswer("state-3"));
        assertEquals(1, answered.size(), "the logins whose cookies have expired are forgotten");
    }

    @Test
    void theStoreIsBoundedWhateverLoginsCallersStart() {
        AnsweredLogins answered = answered();
        for (int login = 0; login < AnsweredLogins.MAX_ENTRIES + 1000; login++) {
            assertTrue(answered.firstAnswer("state-" + login));
        }
        assertEquals(AnsweredLogins.MAX_ENTRIES, answered.size());
        assertFalse(answered.firstAnswer("state-" + (AnsweredLogins.MAX_ENTRIES + 999)), "the newest are kept");
        assertTrue(answered.firstAnswer("state-0"), "the oldest was forgotten first");
    }
}
