package org.bindbackend.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    final Session session = new Session(new Identity("s", "iss", "n", "", false, List.of()), "id", "",
            NOW.minusSeconds(60), NOW.plusSeconds(60), "");

    static VerifiedTokens at(Instant instant) {
        return new VerifiedTokens(Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void remembersAVerifiedToken() {
        VerifiedTokens tokens = at(NOW);
        tokens.put("t", session);
        assertEquals(Optional.of(session), tokens.get("t"));
        assertTrue(tokens.get("other").isEmpty());
    }

    @Test
    void forgetsItWhenTheSessionExpires() {
        VerifiedTokens later = at(NOW.plusSeconds(60));
        later.put("t", session);
        assertTrue(later.get("t").isEmpty());
    }

    @Test
    void staysBounded() {
        VerifiedTokens tokens = at(NOW);
        for (int i = 0; i <= VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.put("t" + i, session);
        }
        assertTrue(tokens.get("t0").isEmpty(), "cleared when full");
        assertEquals(Optional.of(session), tokens.get("t" + VerifiedTokens.MAX_ENTRIES));
    }
}
