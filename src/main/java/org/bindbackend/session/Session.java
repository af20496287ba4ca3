package org.bindbackend.session;

import java.time.Instant;

/**
 * A verified backend session: who, which session (for logout), which cluster the CLI bound, when it was issued,
 * until when, and the provider's session it came from (for the provider's back-channel logout).
 *
 * @param identity        the user, as the provider's verified ID token gave it
 * @param id              the session's random id ({@code jti}); logout revokes it
 * @param clusterId       the kube-bind cluster id the CLI logged in for, or empty
 * @param issuedAt        when it was issued ({@code iat}, whole seconds)
 * @param expiresAt       when it ends
 * @param providerSession the provider's session id ({@code sid} of the ID token, OIDC Back-Channel Logout 1.0
 *                        §2.1), or empty when the provider named none
 */
public record Session(Identity identity, String id, String clusterId, Instant issuedAt, Instant expiresAt,
        String providerSession) {

    /** The user as revocations name them: the provider's issuer and the subject. */
    public String user() {
        return Sessions.user(identity.issuer(), identity.subject());
    }
}
