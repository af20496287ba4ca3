package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bindbackend.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The bounded in-memory store behind codes, tokens and login transactions. */
class BoundedExpiringStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private final BoundedExpiringStore<String> store =
            new BoundedExpiringStore<>("things", Duration.ofSeconds(60), 2, clock);

    @Test
    void forgetsItsOldestEntryWhenFull() {
        String one = store.add("one");
        clock.advance(Duration.ofSeconds(1));
        String two = store.add("two");

        String three = store.add("three");
        assertEquals(Optional.empty(), store.find(one));
        assertEquals(Optional.of("two"), store.find(two));
        assertEquals(Optional.of("three"), store.find(three));
    }

    @Test
    void dropsExpiredEntriesBeforeForgettingLiveOnes() {
        String one = store.add("one");
        clock.advance(Duration.ofSeconds(30));
        String two = store.add("two");
        clock.advance(Duration.ofSeconds(30));

        String three = store.add("three");
        assertEquals(Optional.empty(), store.find(one));
        assertEquals(Optional.of("two"), store.find(two), "only the expired entry was dropped");
        assertEquals(Optional.of("three"), store.find(three));
    }

    @Test
    void neverReturnsAnExpiredEntry() {
        String key = store.add("value");
        clock.advance(Duration.ofSeconds(59));
        assertEquals(Optional.of("value"), store.find(key));
        clock.advance(Duration.ofSeconds(1));

        assertEquals(Optional.empty(), store.find(key));
        assertEquals(Optional.empty(), store.take(key));
    }

    @Test
    void takeRemovesTheEntry() {
        String key = store.add("value");

        assertEquals(Optional.of("value"), store.take(key));
        assertEquals(Optional.empty(), store.take(key));
    }

    @Test
    void concurrentTakesOfOneKeyHaveOneWinner() throws Exception {
        String key = store.add("value");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<String>>> takes = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                takes.add(() -> store.take(key));
            }
            int winners = 0;
            for (Future<Optional<String>> taken : threads.invokeAll(takes)) {
                winners += taken.get().isPresent() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void removeIfRemovesMatchingEntriesAndCountsThem() {
        String keep = store.add("keep");
        store.add("drop");

        assertEquals(1, store.removeIf("drop"::equals));
        assertTrue(store.find(keep).isPresent());
        store.add("room for one more");
    }

    @Test
    void keysAreRandom256BitValues() {
        String first = store.add("one");
        String second = store.add("two");

        assertEquals(43, first.length(), "32 bytes in base64url without padding");
        assertTrue(first.matches("[A-Za-z0-9_-]+"));
        assertTrue(!first.equals(second));
    }
}
