package org.bindbackend.auth;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Ended sessions shared with the other replicas through the server's own distributed engine, so that a logout on
 * one is refused on all. The implementation lives in {@code org.bindbackend.cluster} and is loaded only when
 * clustering is on: a server without a JCache provider never sees its classes.
 */
public interface RevocationSharing {

    /** The class that shares through JCache (JSR 107), loaded by name. */
    String JCACHE = "org.bindbackend.cluster.JCacheRevocationSharing";

    /** Tells every replica that {@code sessionId} ended; it forgets it after the time it was given at start. */
    void share(String sessionId);

    /**
     * Joins the sharing: {@code onRevoked} hears every session ended on any replica from now on, and first every
     * one ended before this replica joined that is still kept.
     *
     * @param keep how long an ended session is kept: the longest a session lives
     */
    static RevocationSharing join(Duration keep, Consumer<String> onRevoked) throws ReflectiveOperationException {
        return (RevocationSharing) Class.forName(JCACHE).getConstructor(Duration.class, Consumer.class)
                .newInstance(keep, onRevoked);
    }
}
