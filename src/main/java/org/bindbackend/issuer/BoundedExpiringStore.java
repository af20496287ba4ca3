package org.bindbackend.issuer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;
import org.bindbackend.shared.RandomTokens;

/**
 * An in-memory map whose entries expire after a fixed lifetime and which holds at most a fixed
 * number of entries. When it is full it first drops expired entries; if it is still full it forgets
 * its oldest tenth (all entries live equally long, so the first to expire are the oldest) rather than
 * grow or refuse a login: a development provider under a flood of logins keeps working, and what it
 * forgets is what its users are least likely to still need. Expired entries are never returned. {@link #take} removes the entry it returns, so whatever is taken is used once only,
 * even when two requests race for it.
 *
 * @param <V> what the store keeps
 */
final class BoundedExpiringStore<V> {

    private static final Logger LOG = Logs.of(BoundedExpiringStore.class);

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final String name;
    private final Duration lifetime;
    private final int capacity;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();

    /**
     * A store of {@code name} (used in messages, e.g. "access tokens") whose entries live for
     * {@code lifetime}, holding at most {@code capacity} of them.
     */
    BoundedExpiringStore(String name, Duration lifetime, int capacity, Clock clock) {
        this.name = name;
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Keeps {@code value} under a fresh random key, which it returns. */
    String add(V value) {
        String key = RandomTokens.next();
        put(key, value);
        return key;
    }

    /**
     * Keeps {@code value} under {@code key}. Only this method adds entries, and it is synchronized,
     * so the capacity check cannot be raced past.
     */
    synchronized void put(String key, V value) {
        if (entries.size() >= capacity) {
            Instant now = clock.instant();
            entries.values().removeIf(entry -> isExpired(entry, now));
        }
        if (entries.size() >= capacity) {
            forgetOldest(Math.max(1, capacity / 10));
        }
        entries.put(key, new Entry<>(value, clock.instant().plus(lifetime)));
    }

    private void forgetOldest(int count) {
        List<Map.Entry<String, Entry<V>>> oldest = entries.entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getValue().expiresAt()))
                .limit(count)
                .toList();
        oldest.forEach(entry -> entries.remove(entry.getKey(), entry.getValue()));
        LOG.warning(() -> "The store of " + name + " is full (" + capacity + " live entries): forgot the "
                + oldest.size() + " oldest");
    }

    /** Removes the entry under {@code key} and returns its value, unless there was none or it had expired. */
    Optional<V> take(String key) {
        return live(entries.remove(key));
    }

    /** The value under {@code key}, unless there is none or it has expired (then it is dropped). */
    Optional<V> find(String key) {
        Entry<V> entry = entries.get(key);
        if (entry != null && isExpired(entry, clock.instant())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return live(entry);
    }

    /** Removes every entry whose value matches {@code condition}; returns how many it removed. */
    int removeIf(Predicate<V> condition) {
        int removed = 0;
        for (Map.Entry<String, Entry<V>> entry : entries.entrySet()) {
            if (condition.test(entry.getValue().value()) && entries.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    private Optional<V> live(Entry<V> entry) {
        if (entry == null || isExpired(entry, clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    private static boolean isExpired(Entry<?> entry, Instant now) {
        return !now.isBefore(entry.expiresAt());
    }
}
