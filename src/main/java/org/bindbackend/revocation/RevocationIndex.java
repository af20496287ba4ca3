package org.bindbackend.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What this replica knows to be ended, organised by user so that checking a session costs one hash probe: a user
 * nobody ended anything of is not in it. Under the user: the moment up to which all their sessions ended (log out
 * everywhere), their ended sessions and their ended provider sessions; beside them, provider sessions a
 * back-channel logout named without a user, probed only while there are any. Checks read without locking.
 *
 * <p>Each revocation is forgotten at its own {@link Revocation#until()}, in the order they fall due (a priority
 * queue, looked at on each addition), and the index holds at most {@code capacity}: past it, the revocation that
 * would be forgotten soonest makes room, and the caller is told, so that a flood is shed and logged, never an
 * out-of-memory error.
 */
final class RevocationIndex {

    /** What an addition did. */
    enum Added {
        /** Known from now on. */
        NEW,
        /** Known already (the same, or a user's later "everything before"). */
        KNOWN,
        /** Past its {@code until}: nothing left to end. */
        EXPIRED,
        /** Known from now on, and the one that would have been forgotten soonest made room for it. */
        NEW_SHEDDING
    }

    /** What is ended of one user; maps as sets, made small. */
    private static final class UserEntries {
        volatile long beforeSecond = Long.MIN_VALUE;
        final Map<String, Boolean> sessions = new ConcurrentHashMap<>(2);
        final Map<String, Boolean> providerSessions = new ConcurrentHashMap<>(2);

        boolean isEmpty() {
            return beforeSecond == Long.MIN_VALUE && sessions.isEmpty() && providerSessions.isEmpty();
        }
    }

    private final Map<String, UserEntries> byUser = new ConcurrentHashMap<>();
    private final Map<String, Boolean> providerSessionsAlone = new ConcurrentHashMap<>();
    /** The live revocation of each key (guarded by {@code this}). */
    private final Map<String, Revocation> live = new HashMap<>();
    /** Revocations by when they fall due; one replaced by a later one of its key stays until it falls due. */
    private final PriorityQueue<Revocation> dueFirst = new PriorityQueue<>(Comparator.comparing(Revocation::until));
    private final int capacity;
    private final Clock clock;

    RevocationIndex(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    /**
     * Whether the session {@code sessionId} of {@code user}, logged in through {@code providerSession} (or
     * "" when unknown) and issued at {@code issuedAtSecond}, is ended.
     */
    boolean revokes(String user, String sessionId, String providerSession, long issuedAtSecond) {
        UserEntries entries = byUser.get(user);
        if (entries != null && (issuedAtSecond <= entries.beforeSecond || entries.sessions.containsKey(sessionId)
                || !providerSession.isEmpty() && entries.providerSessions.containsKey(providerSession))) {
            return true;
        }
        return !providerSession.isEmpty() && !providerSessionsAlone.isEmpty()
                && providerSessionsAlone.containsKey(providerSession);
    }

    synchronized Added add(Revocation revocation) {
        Instant now = clock.instant();
        forgetDue(now);
        if (!revocation.until().isAfter(now)) {
            return Added.EXPIRED;
        }
        Revocation known = live.get(revocation.key());
        if (known != null && !revocation.before().isAfter(known.before())) {
            return Added.KNOWN;
        }
        boolean shedding = known == null && live.size() >= capacity;
        if (shedding) {
            forget(dueFirst.peek());
        }
        live.put(revocation.key(), revocation);
        dueFirst.add(revocation);
        apply(revocation);
        return shedding ? Added.NEW_SHEDDING : Added.NEW;
    }

    synchronized int size() {
        return live.size();
    }

    /** Every revocation held now. */
    synchronized List<Revocation> live() {
        return List.copyOf(live.values());
    }

    /** Forgets what falls due by {@code now}: no session it ends can still be valid. */
    private void forgetDue(Instant now) {
        for (Revocation due = dueFirst.peek(); due != null && !due.until().isAfter(now); due = dueFirst.peek()) {
            forget(due);
        }
    }

    /** Takes {@code revocation} off the queue, and out of the index unless a later one of its key replaced it. */
    private void forget(Revocation revocation) {
        dueFirst.remove(revocation);
        if (live.get(revocation.key()) != revocation) {
            return;
        }
        live.remove(revocation.key());
        switch (revocation.kind()) {
            case SESSION -> withUser(revocation.user(), entries -> entries.sessions.remove(revocation.target()));
            case PROVIDER_SESSION -> {
                if (revocation.user().isEmpty()) {
                    providerSessionsAlone.remove(revocation.target());
                } else {
                    withUser(revocation.user(), entries -> entries.providerSessions.remove(revocation.target()));
                }
            }
            case USER -> withUser(revocation.user(), entries -> entries.beforeSecond = Long.MIN_VALUE);
        }
    }

    private void apply(Revocation revocation) {
        switch (revocation.kind()) {
            case SESSION -> user(revocation.user()).sessions.put(revocation.target(), Boolean.TRUE);
            case PROVIDER_SESSION -> {
                if (revocation.user().isEmpty()) {
                    providerSessionsAlone.put(revocation.target(), Boolean.TRUE);
                } else {
                    user(revocation.user()).providerSessions.put(revocation.target(), Boolean.TRUE);
                }
            }
            case USER -> user(revocation.user()).beforeSecond = revocation.before().getEpochSecond();
        }
    }

    private UserEntries user(String user) {
        return byUser.computeIfAbsent(user, any -> new UserEntries());
    }

    /** Changes what is known of {@code user}, and drops the user when nothing is left. */
    private void withUser(String user, Consumer<UserEntries> change) {
        UserEntries entries = byUser.get(user);
        if (entries != null) {
            change.accept(entries);
            if (entries.isEmpty()) {
                byUser.remove(user, entries);
            }
        }
    }
}
