package org.bindbackend.issuer;

import java.util.Optional;

/**
 * The opaque access tokens (RFC 6749 §1.4) and refresh tokens (RFC 6749 §1.5) this provider
 * issued, each mapped to the grant it carries until it expires, is used up or is revoked.
 */
final class IssuedTokens {

    private final BoundedExpiringStore<Grant> accessTokens;
    private final BoundedExpiringStore<Grant> refreshTokens;

    IssuedTokens(BoundedExpiringStore<Grant> accessTokens, BoundedExpiringStore<Grant> refreshTokens) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    /** A new access token for {@code grant}. */
    String issueAccessToken(Grant grant) {
        return accessTokens.add(grant);
    }

    /** A new refresh token for {@code grant}. */
    String issueRefreshToken(Grant grant) {
        return refreshTokens.add(grant);
    }

    /** The grant of a live access token. */
    Optional<Grant> accessTokenGrant(String accessToken) {
        return accessTokens.find(accessToken);
    }

    /** Consumes a refresh token (it rotates: RFC 9700 §4.14.2) and returns its grant, if it was live. */
    Optional<Grant> redeemRefreshToken(String refreshToken) {
        return refreshTokens.take(refreshToken);
    }

    /** Revokes every token of grant {@code grantId}; returns how many. */
    int revokeGrant(String grantId) {
        return accessTokens.removeIf(grant -> grant.id().equals(grantId))
                + refreshTokens.removeIf(grant -> grant.id().equals(grantId));
    }

    /** Revokes every token issued to {@code clientId} for {@code subject}; returns how many. */
    int revokeSubject(String subject, String clientId) {
        return accessTokens.removeIf(grant -> isOf(grant, subject, clientId))
                + refreshTokens.removeIf(grant -> isOf(grant, subject, clientId));
    }

    private static boolean isOf(Grant grant, String subject, String clientId) {
        return grant.user().subject().equals(subject) && grant.clientId().equals(clientId);
    }
}
