package org.bindbackend.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The backend's own sessions: the browser's cookie and the CLI's bearer token are the same signed credential.
 *
 * @param signingKey          the key shared by all replicas; empty: a key made at start, valid on this replica only
 * @param acceptedKeys        keys also accepted, never signed with: the previous one, or the next one, of a rotation
 * @param tokenExpiry         how long a session or CLI token lives ({@code token-expiry})
 * @param uiOrigins           origins besides this backend's a {@code client_type=ui} login may return to
 * @param endProviderSession  whether logout also sends the browser to the provider's end-session endpoint
 * @param clustered           whether logouts are shared with the other replicas through the server's distributed
 *                            cache ({@code cluster})
 * @param revocationsFile     where ended sessions are kept across restarts, if anywhere
 */
public record SessionSettings(Optional<SessionKey> signingKey, List<SessionKey> acceptedKeys, Duration tokenExpiry,
        Set<URI> uiOrigins, boolean endProviderSession, boolean clustered, Optional<Path> revocationsFile) {

    /** The longest {@code token-expiry} there can be: no session or CLI token ever lives longer. */
    public static final Duration LONGEST_TOKEN_EXPIRY = Duration.ofDays(1);
    /** The clock difference between replicas that a session's times tolerate. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

}
