package org.bindbackend.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.bindbackend.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * What is ended stays ended until no session it ends can be valid, by each one's own lifetime, and no longer;
 * checking is one probe per user; the index holds at most its capacity whatever is added.
 */
class RevocationIndexTest {

    private static final String ALICE = "https://idp alice";
    private static final String BOB = "https://idp bob";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final RevocationIndex index = new RevocationIndex(1_000, clock);

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private Instant in(Duration duration) {
        return clock.instant().plus(duration);
    }

    @Test
    void anEndedSessionIsRefusedUntilItWouldHaveExpiredByItsOwnExpiry() {
        index.add(Revocation.session(ALICE, "s1", in(Duration.ofMinutes(90))));
        index.add(Revocation.session(ALICE, "s2", in(Duration.ofMinutes(10))));
        assertTrue(index.revokes(ALICE, "s1", "", now()));
        assertFalse(index.revokes(ALICE, "s3", "", now()), "another session of the same user");
        assertFalse(index.revokes(BOB, "s1", "", now()), "the same id under another user is another session");
        clock.advance(Duration.ofMinutes(11));
        index.add(Revocation.session(BOB, "b1", in(Duration.ofMinutes(5))));
        assertFalse(index.revokes(ALICE, "s2", "", now()), "forgotten once it would have expired");
        assertTrue(index.revokes(ALICE, "s1", "", now()), "kept as long as its own expiry, past the other's");
    }

    @Test
    void everythingOfAUserBeforeAMomentEndsAndLaterSessionsLive() {
        long issuedBefore = now() - 60;
        index.add(Revocation.user(ALICE, clock.instant(), in(Revocations.LONGEST_KEPT)));
        assertTrue(index.revokes(ALICE, "any", "", issuedBefore));
        assertTrue(index.revokes(ALICE, "any", "", now()), "issued in the same second: ended too");
        assertFalse(index.revokes(ALICE, "any", "", now() + 1), "a login after it lives");
        assertFalse(index.revokes(BOB, "any", "", issuedBefore));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(RevocationIndex.Added.NEW, index.add(Revocation.user(ALICE, clock.instant(), in(Revocations.LONGEST_KEPT))));
        assertTrue(index.revokes(ALICE, "any", "", now() - 1), "the later moment takes the earlier's place");
        assertEquals(RevocationIndex.Added.KNOWN,
                index.add(Revocation.user(ALICE, clock.instant().minusSeconds(60), in(Revocations.LONGEST_KEPT))),
                "an earlier moment never takes a later one's place");
        assertEquals(1, index.size());
    }

    @Test
    void aProviderSessionEndsItsSessionsWithOrWithoutItsUser() {
        index.add(Revocation.providerSession(ALICE, "https://idp sid-1", in(Duration.ofHours(1))));
        index.add(Revocation.providerSession("", "https://idp sid-2", in(Duration.ofHours(1))));
        assertTrue(index.revokes(ALICE, "s1", "https://idp sid-1", now()));
        assertFalse(index.revokes(ALICE, "s2", "https://idp sid-3", now()));
        assertTrue(index.revokes(BOB, "b1", "https://idp sid-2", now()), "named without its user");
        assertFalse(index.revokes(BOB, "b2", "", now()), "a session that came with no sid");
    }

    @Test
    void theSameRevocationTwiceIsOneEntryAndAPastOneNone() {
        assertEquals(RevocationIndex.Added.NEW, index.add(Revocation.session(ALICE, "s1", in(Duration.ofHours(1)))));
        assertEquals(RevocationIndex.Added.KNOWN, index.add(Revocation.session(ALICE, "s1", in(Duration.ofHours(1)))));
        assertEquals(RevocationIndex.Added.EXPIRED, index.add(Revocation.session(ALICE, "s0", clock.instant())));
        assertEquals(1, index.size());
    }

    @Test
    void memoryIsBoundedByOneLifetimeOfLogouts() {
        RevocationIndex roomy = new RevocationIndex(1_000_000, clock);
        for (int minute = 0; minute < 600; minute++) {
            for (int i = 0; i < 100; i++) {
                roomy.add(Revocation.session("user-" + i, minute + "-" + i, in(Duration.ofMinutes(60))));
            }
            clock.advance(Duration.ofMinutes(1));
        }
        assertTrue(roomy.size() <= 61 * 100, "kept " + roomy.size());
        assertTrue(roomy.revokes("user-99", "599-99", "", now()));
    }

    @Test
    void aFloodIsShedFromWhatWouldBeForgottenFirst() {
        index.add(Revocation.user(ALICE, clock.instant(), in(Duration.ofHours(24))));
        RevocationIndex.Added last = null;
        for (int i = 0; i < 5_000; i++) {
            last = index.add(Revocation.session(BOB, "flood-" + i, in(Duration.ofMinutes(1).plusSeconds(i))));
        }
        assertEquals(RevocationIndex.Added.NEW_SHEDDING, last);
        assertEquals(1_000, index.size());
        assertTrue(index.revokes(ALICE, "any", "", now()), "the one that lives longest is kept");
        assertTrue(index.revokes(BOB, "flood-4999", "", now()));
        assertFalse(index.revokes(BOB, "flood-0", "", now()), "the soonest due made room");
    }
}
