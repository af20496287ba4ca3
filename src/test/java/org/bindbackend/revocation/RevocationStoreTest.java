package org.bindbackend.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.bindbackend.config.TestSettings;
import org.bindbackend.keys.SignedTexts;
import org.bindbackend.keys.TestKeys;
import org.bindbackend.metrics.Metrics;
import org.bindbackend.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where revocations go besides memory, and what is taken back from there: only what this deployment's key signed,
 * from the grid and from the file alike; a restart with the file finds its logouts again.
 */
class RevocationStoreTest {

    private static final String KEY = TestKeys.SHARED_KEY;
    private static final String OTHER_KEY = "Zt4c8Qy1uN0wP5rK2mX7vB9jL3hD6fG1sA8eR4tY0iU2oW5qE7zC9xV3bN6mK1lP";
    private static final String ALICE = "https://idp alice";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));

    /** A grid that keeps what is shared, delivers it to whoever joins, and lets a test write into it. */
    private static final class Grid implements RevocationSharing {
        final Map<String, String> entries = new LinkedHashMap<>();
        final List<BiConsumer<String, String>> members = new ArrayList<>();

        @Override
        public void join(Duration keep, BiConsumer<String, String> onShared) {
            entries.forEach(onShared);
            members.add(onShared);
        }

        @Override
        public void share(String key, String signed) {
            write(key, signed);
        }

        @Override
        public boolean markOnce(String key, Duration keep) {
            return entries.putIfAbsent("once " + key, "") == null;
        }

        void write(String key, String value) {
            entries.put(key, value);
            members.forEach(member -> member.accept(key, value));
        }
    }

    private static SignedTexts texts(String key) {
        return TestKeys.keys(TestSettings.external("session-signing-key", key)).texts("revocations");
    }

    private RevocationStore store(String key, Optional<Path> file) {
        return new RevocationStore(new RevocationIndex(RevocationStore.CAPACITY, clock), texts(key),
                file.map(RevocationJournal::new), clock, RevocationStore.Counts.of(Metrics.unregistered()));
    }

    private Revocation session(String id) {
        return Revocation.session(ALICE, id, clock.instant().plus(Duration.ofHours(1)));
    }

    private boolean ends(RevocationStore store, String sessionId) {
        return store.index().revokes(ALICE, sessionId, "", clock.instant().getEpochSecond());
    }

    @Test
    void whatOneReplicaEndsEveryReplicaOnTheGridEnds() {
        Grid grid = new Grid();
        RevocationStore first = store(KEY, Optional.empty());
        RevocationStore second = store(KEY, Optional.empty());
        first.share(grid);
        second.share(grid);
        first.revoke(session("s1"));
        assertTrue(ends(second, "s1"));
        RevocationStore late = store(KEY, Optional.empty());
        late.share(grid);
        assertTrue(ends(late, "s1"), "a replica that joins later learns what the grid holds");
    }

    @Test
    void nothingWrittenIntoTheGridWithoutTheKeyIsTaken() {
        Grid grid = new Grid();
        RevocationStore replica = store(KEY, Optional.empty());
        replica.share(grid);
        Revocation forged = session("victim");
        grid.write(forged.key(), texts(OTHER_KEY).sign(forged.toText()));
        grid.write(forged.key(), "k." + Base64.getUrlEncoder().encodeToString(forged.toText().getBytes()) + ".AAAA");
        grid.write(forged.key(), "x".repeat(RevocationStore.MAX_SIGNED_LENGTH + 1));
        grid.write("s another-session", texts(KEY).sign(forged.toText()));
        assertFalse(ends(replica, "victim"), "forged, unsigned, oversized or under another name: all refused");
        assertEquals(0, replica.index().size());
        grid.write(forged.key(), texts(KEY).sign(forged.toText()));
        assertTrue(ends(replica, "victim"), "the control: what the key signed is taken");
    }

    @Test
    void removingFromTheGridTakesNothingAwayFromAReplica() {
        Grid grid = new Grid();
        RevocationStore replica = store(KEY, Optional.empty());
        replica.share(grid);
        replica.revoke(session("s1"));
        grid.entries.clear();
        assertTrue(ends(replica, "s1"));
    }

    @Test
    void aRestartWithTheFileFindsItsLogoutsAgain(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("revocations");
        store(KEY, Optional.of(file)).revoke(session("s1"));
        assertTrue(ends(store(KEY, Optional.of(file)), "s1"));
        assertFalse(ends(store(OTHER_KEY, Optional.of(file)), "s1"), "another key's file is not taken");
        Files.writeString(file, Files.readString(file).replace("s1", "s2"));
        assertFalse(ends(store(KEY, Optional.of(file)), "s2"), "an altered line is not taken");
    }

    @Test
    void theFileKeepsWhatIsLiveOnly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("revocations");
        RevocationStore store = store(KEY, Optional.of(file));
        int logouts = RevocationJournal.MIN_LINES_TO_COMPACT + 500;
        for (int i = 0; i < logouts; i++) {
            store.revoke(Revocation.session(ALICE, "s" + i, clock.instant().plusSeconds(10)));
            clock.advance(Duration.ofMillis(100));
        }
        long lines = Files.readAllLines(file).size();
        assertTrue(lines < RevocationJournal.MIN_LINES_TO_COMPACT, "rewritten with the live ones: " + lines);
        assertTrue(ends(store(KEY, Optional.of(file)), "s" + (logouts - 1)));
    }

    @Test
    void aLogoutTokenIsUsedOnceAcrossTheGridAndOnOneReplicaAlone() {
        Grid grid = new Grid();
        RevocationStore first = store(KEY, Optional.empty());
        RevocationStore second = store(KEY, Optional.empty());
        first.share(grid);
        second.share(grid);
        assertTrue(first.markOnce("jti-1", Duration.ofMinutes(5)));
        assertFalse(second.markOnce("jti-1", Duration.ofMinutes(5)), "replayed to another replica");
        RevocationStore alone = store(KEY, Optional.empty());
        assertTrue(alone.markOnce("jti-2", Duration.ofMinutes(5)));
        assertFalse(alone.markOnce("jti-2", Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(6));
        assertTrue(alone.markOnce("jti-2", Duration.ofMinutes(5)), "forgotten once its window is over");
    }
}
