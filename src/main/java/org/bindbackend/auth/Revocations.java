package org.bindbackend.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions ended by logout before they expired, remembered until they would have expired anyway, so the set stays
 * as small as the number of sessions ended within one {@code token-expiry}. Kept in this replica's memory: another
 * replica accepts a revoked token until it expires (see docs/security.md).
 */
@ApplicationScoped
public class Revocations {

    /** Beyond this, expired entries are swept on each revocation. */
    static final int SWEEP_ABOVE = 10_000;

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;

    public Revocations() {
        this(Clock.systemUTC());
    }

    Revocations(Clock clock) {
        this.clock = clock;
    }

    public void revoke(Session session) {
        if (revoked.size() > SWEEP_ABOVE) {
            Instant now = clock.instant();
            revoked.values().removeIf(expiry -> expiry.isBefore(now));
        }
        revoked.put(session.id(), session.expiresAt());
    }

    public boolean isRevoked(String sessionId) {
        return revoked.containsKey(sessionId);
    }
}
