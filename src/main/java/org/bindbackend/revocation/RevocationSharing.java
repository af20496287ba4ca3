package org.bindbackend.revocation;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Ended sessions shared with the other replicas through the server's own distributed engine, so that a logout on
 * one is refused on all. CDI offers the implementation ({@code org.bindbackend.cluster}) where the server has a
 * distributed cache; {@link Revocations} asks for it only with {@code cluster} on.
 */
public interface RevocationSharing {

    /**
     * Joins the sharing: {@code onRevoked} hears every session ended on any replica from now on, and first every
     * one ended before this replica joined that is still kept.
     *
     * @param keep how long an ended session is kept: the longest a session lives
     * @throws RuntimeException when the server's distributed cache cannot be used
     */
    void join(Duration keep, Consumer<String> onRevoked);

    /** Tells every replica that {@code sessionId} ended; each forgets it after the time given to {@link #join}. */
    void share(String sessionId);
}
