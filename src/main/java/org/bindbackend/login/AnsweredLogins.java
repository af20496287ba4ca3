package org.bindbackend.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bindbackend.shared.Sha256;

/**
 * The logins whose answer this replica has let through to the container: a login cookie is good for one callback
 * only. A replayed callback (the same cookie and state again, with any code) is refused before the container sees
 * it, so it can neither have a code exchanged with the login's PKCE verifier nor cost the container anything.
 *
 * <p>Each login is held by 64 bits of the SHA-256 of its state (which the container makes at random, and which the
 * sealed cookie carries) for {@link LoginCookies#LIFETIME} after its callback, as long as its cookie could still be
 * valid. At most {@link #MAX_ENTRIES} are held, about 4 MB: a full store forgets the oldest. An anonymous caller can
 * only add entries by starting logins of its own, and what a flood of them costs is that an old cookie of this
 * replica could be replayed once more, after which its code is refused by the provider (a code is redeemed once,
 * RFC 6749 §4.1.2) and its verifier is held by no one. Each replica holds its own: a cookie replayed at another
 * replica gets there once, with the same outcome.
 */
@ApplicationScoped
public class AnsweredLogins {

    /** Far above the logins a replica completes in {@link LoginCookies#LIFETIME}. */
    static final int MAX_ENTRIES = 50_000;

    @Inject
    Clock clock;

    /** When each login was answered, oldest first: entries expire in the order they came. */
    private final Map<Long, Instant> answeredAt = new LinkedHashMap<>();

    /** Whether this is the first callback of the login sent with {@code state}; it is the last from now on. */
    synchronized boolean firstAnswer(String state) {
        Instant now = clock.instant();
        forgetExpired(now);
        if (answeredAt.putIfAbsent(fingerprint(state), now) != null) {
            return false;
        }
        if (answeredAt.size() > MAX_ENTRIES) {
            Iterator<Long> oldest = answeredAt.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    synchronized int size() {
        return answeredAt.size();
    }

    private void forgetExpired(Instant now) {
        Iterator<Instant> oldestFirst = answeredAt.values().iterator();
        while (oldestFirst.hasNext() && !oldestFirst.next().plus(LoginCookies.LIFETIME).isAfter(now)) {
            oldestFirst.remove();
        }
    }

    private static long fingerprint(String state) {
        return ByteBuffer.wrap(Sha256.of(state)).getLong();
    }
}
