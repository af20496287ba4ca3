package org.bindbackend.session;

import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bindbackend.shared.Sha256;

/**
 * Sessions whose tokens were already verified, so that a client presenting the same token again costs a hash
 * and a lookup instead of a signature check and a JSON parse. Keyed by the token's SHA-256, never the token
 * itself; an entry is only used until the session expires; bounded, and cleared when full (a cache miss is
 * merely the full check again). Revocation is checked by the caller on every request, hit or miss.
 */
final class VerifiedTokens {

    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    Optional<Session> get(String token) {
        Session session = sessions.get(hash(token));
        if (session == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            sessions.remove(hash(token));
            return Optional.empty();
        }
        return Optional.of(session);
    }

    void put(String token, Session session) {
        if (sessions.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            sessions.values().removeIf(known -> !now.isBefore(known.expiresAt()));
            if (sessions.size() >= MAX_ENTRIES) {
                sessions.clear();
            }
        }
        sessions.put(hash(token), session);
    }

    private static String hash(String token) {
        return HexFormat.of().formatHex(Sha256.of(token));
    }
}
