package org.bindbackend.issuer;

import java.time.Duration;

/**
 * Issues the tokens of a successful token response (OIDC Core 3.1.3.3): an opaque access token, an
 * opaque refresh token and an ID token, so one response costs one RSA signature.
 */
final class TokenIssuer {

    private final IssuedTokens tokens;
    private final IdTokenFactory idTokens;
    private final Duration accessTokenLifetime;

    TokenIssuer(IssuedTokens tokens, IdTokenFactory idTokens, Duration accessTokenLifetime) {
        this.tokens = tokens;
        this.idTokens = idTokens;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    /**
     * Tokens for {@code grant}. The access token and the ID token carry {@code scope}; the refresh
     * token keeps the grant's own scope (RFC 6749 §6).
     *
     * @param scope the scope of the access token: the grant's, or a narrower one on refresh
     * @param nonce the authentication request's nonce, or null
     */
    TokenResponse issue(Grant grant, String scope, String nonce) {
        String accessToken = tokens.issueAccessToken(grant.withScope(scope));
        String refreshToken = tokens.issueRefreshToken(grant);
        String idToken = idTokens.create(grant, accessToken, nonce);
        return new TokenResponse(accessToken, accessTokenLifetime.toSeconds(), idToken, refreshToken, scope);
    }
}
