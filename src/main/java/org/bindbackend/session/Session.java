package org.bindbackend.session;

import java.time.Instant;

/**
 * A verified backend session: who, which session (for logout), which cluster the CLI bound, until when.
 *
 * @param identity  the user, as the provider's verified ID token gave it
 * @param id        the session's random id ({@code jti}); logout revokes it
 * @param clusterId the kube-bind cluster id the CLI logged in for, or empty
 * @param expiresAt when the session ends
 */
public record Session(Identity identity, String id, String clusterId, Instant expiresAt) {
}
