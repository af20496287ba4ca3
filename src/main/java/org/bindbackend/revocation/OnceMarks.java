package org.bindbackend.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Marks of things used once, on this replica alone (without {@code cluster}): each kept for the time it was
 * given, in the order they were made, at most {@link #CAPACITY}; past that the oldest make room. What is marked
 * is only ever needed for a short window (a logout token older than its window is refused anyway).
 */
final class OnceMarks {

    static final int CAPACITY = 100_000;

    private final Map<String, Instant> until = new LinkedHashMap<>();
    private final Clock clock;

    OnceMarks(Clock clock) {
        this.clock = clock;
    }

    /** Marks {@code key} for {@code keep}; false when it was marked and still is. */
    synchronized boolean markOnce(String key, Duration keep) {
        Instant now = clock.instant();
        Iterator<Instant> oldest = until.values().iterator();
        while (oldest.hasNext()) {
            Instant due = oldest.next();
            if (due.isAfter(now) && until.size() < CAPACITY) {
                break;
            }
            oldest.remove();
        }
        Instant marked = until.get(key);
        if (marked != null && marked.isAfter(now)) {
            return false;
        }
        until.put(key, now.plus(keep));
        return true;
    }
}
