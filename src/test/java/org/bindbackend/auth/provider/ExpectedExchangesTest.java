package org.bindbackend.auth.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.bindbackend.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** A code's PKCE verifier goes to its exchange once, soon, and to no other code. */
class ExpectedExchangesTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final ExpectedExchanges expected = new ExpectedExchanges(clock);

    @Test
    void aVerifierIsTakenOnceForItsCodeOnly() {
        expected.expect("code-1", "verifier-1");
        assertEquals(Optional.empty(), expected.take("code-2"));
        assertEquals(Optional.of("verifier-1"), expected.take("code-1"));
        assertEquals(Optional.empty(), expected.take("code-1"), "a second exchange of the code gets none");
        assertEquals(Optional.empty(), expected.take(null));
    }

    @Test
    void aVerifierIsHeldForAMomentOnly() {
        expected.expect("code-1", "verifier-1");
        clock.advance(ExpectedExchanges.HOLD.plus(Duration.ofSeconds(1)));
        assertEquals(Optional.empty(), expected.take("code-1"));
    }

    @Test
    void theStoreIsBounded() {
        for (int i = 0; i < ExpectedExchanges.MAX_ENTRIES + 100; i++) {
            expected.expect("code-" + i, "v");
        }
        assertEquals(Optional.empty(), expected.take("code-" + (ExpectedExchanges.MAX_ENTRIES + 50)),
                "full of live entries: a new one is not held");
        assertEquals(Optional.of("v"), expected.take("code-0"));
    }
}
