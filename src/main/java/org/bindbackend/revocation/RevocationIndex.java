package org.bindbackend.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The ended sessions this replica knows of, by session id, each kept until it would have expired anyway. Checked on
 * every request, so a lookup is one hash probe, in memory. Each addition also forgets the oldest additions that
 * are past {@code keep}, the longest a session lives (token-expiry plus clock skew): in insertion order, so each
 * entry is looked at twice in its life and an addition costs constant work on average, however many are kept.
 */
final class RevocationIndex {

    private record Added(String sessionId, Instant at) {
    }

    private final Map<String, Boolean> revoked = new ConcurrentHashMap<>();
    private final Queue<Added> order = new ConcurrentLinkedQueue<>();
    private final Duration keep;
    private final Clock clock;

    RevocationIndex(Duration keep, Clock clock) {
        this.keep = keep;
        this.clock = clock;
    }

    void add(String sessionId) {
        Instant now = clock.instant();
        if (revoked.putIfAbsent(sessionId, Boolean.TRUE) == null) {
            order.add(new Added(sessionId, now));
        }
        Instant forgetBefore = now.minus(keep);
        for (Added oldest = order.peek(); oldest != null && oldest.at().isBefore(forgetBefore); oldest = order.peek()) {
            if (order.remove(oldest)) {
                revoked.remove(oldest.sessionId());
            }
        }
    }

    boolean contains(String sessionId) {
        return revoked.containsKey(sessionId);
    }

    int size() {
        return revoked.size();
    }
}
