package org.bindbackend.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.bindbackend.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Ended sessions are kept as long as a session lives, and no longer, whatever their number. */
class RevocationIndexTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final RevocationIndex index = new RevocationIndex(Duration.ofMinutes(60), clock);

    @Test
    void anEndedSessionIsKnownUntilNoSessionOfItsTimeCanLive() {
        index.add("s1");
        clock.advance(Duration.ofMinutes(59));
        index.add("s2");
        assertTrue(index.contains("s1"));
        clock.advance(Duration.ofMinutes(2));
        index.add("s3");
        assertFalse(index.contains("s1"), "forgotten once no session issued before it can still be valid");
        assertTrue(index.contains("s2") && index.contains("s3"));
    }

    @Test
    void memoryIsBoundedByOneLifetimeOfLogouts() {
        for (int minute = 0; minute < 600; minute++) {
            for (int i = 0; i < 100; i++) {
                index.add(minute + "-" + i);
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertTrue(index.size() <= 61 * 100, "kept " + index.size());
        assertEquals(true, index.contains("599-99"));
    }

    @Test
    void addingTheSameSessionTwiceKeepsOneEntry() {
        index.add("s1");
        index.add("s1");
        assertEquals(1, index.size());
    }
}
