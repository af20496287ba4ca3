package org.bindbackend.auth.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codes this server's callback is about to have the container exchange, each with its login's PKCE verifier:
 * held for the moment between the callback and the container's token request, which the container makes from the
 * same request on the same server. Each is taken once; a code never expected, or taken already, has none. Bounded
 * in number and in time, so that nothing outside a login can fill it.
 */
final class ExpectedExchanges {

    static final Duration HOLD = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 10_000;

    private record Expected(String verifier, Instant until) {
    }

    private final Map<String, Expected> byCode = new ConcurrentHashMap<>();
    private final Clock clock;

    ExpectedExchanges(Clock clock) {
        this.clock = clock;
    }

    void expect(String code, String verifier) {
        Instant now = clock.instant();
        if (byCode.size() >= MAX_ENTRIES) {
            byCode.values().removeIf(expected -> expected.until().isBefore(now));
        }
        if (byCode.size() < MAX_ENTRIES) {
            byCode.put(code, new Expected(verifier, now.plus(HOLD)));
        }
    }

    /** The verifier of {@code code}, once. */
    Optional<String> take(String code) {
        Expected expected = code == null ? null : byCode.remove(code);
        return expected == null || expected.until().isBefore(clock.instant()) ? Optional.empty()
                : Optional.of(expected.verifier());
    }
}
