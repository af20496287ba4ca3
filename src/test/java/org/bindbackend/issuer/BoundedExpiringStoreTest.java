package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.junit.jupiter.api.Test;

/** The bounded in-memory store behind codes, tokens and login transactions. */
class BoundedExpiringStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private final BoundedExpiringStore<String> store =
            new BoundedExpiringStore<>("things", Duration.ofSeconds(60), 2, clock);

    @Test
    void refusesEntriesBeyondItsCapacityUntilOneIsTaken() {
        String one = store.add("one");
        store.add("two");

        OAuthException refusal = assertThrows(OAuthException.class, () -> store.add("three"));
        assertEquals(OAuthError.TEMPORARILY_UNAVAILABLE, refusal.error());
        assertEquals(503, refusal.error().status());
        store.take(one);
        assertEquals(Optional.of("three"), store.find(store.add("three")));
    }

    @Test
    void dropsExpiredEntriesToMakeRoom() {
        store.add("one");
        clock.advance(Duration.ofSeconds(30));
        store.add("two");
        clock.advance(Duration.ofSeconds(30));

        String three = store.add("three");
        assertEquals(Optional.of("three"), store.find(three));
        assertThrows(OAuthException.class, () -> store.add("four"), "only the expired entry was dropped");
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
