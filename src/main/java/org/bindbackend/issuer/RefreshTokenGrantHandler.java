package org.bindbackend.issuer;

import java.util.Set;

/**
 * The {@code refresh_token} grant (RFC 6749 §6, OIDC Core 12): consumes a live refresh token of the
 * same client and issues new tokens, a new refresh token among them (rotation), for the same grant.
 * The ID token keeps the original {@code auth_time} and has no {@code nonce} (OIDC Core 12.2).
 */
final class RefreshTokenGrantHandler implements GrantHandler {

    private final IssuedTokens tokens;
    private final TokenIssuer issuer;

    RefreshTokenGrantHandler(IssuedTokens tokens, TokenIssuer issuer) {
        this.tokens = tokens;
        this.issuer = issuer;
    }

    @Override
    public String grantType() {
        return "refresh_token";
    }

    @Override
    public TokenResponse handle(String clientId, RequestParameters form) {
        String refreshToken = form.required("refresh_token");
        String requestedScope = form.optional("scope").orElse(null);
        Grant grant = tokens.redeemRefreshToken(refreshToken).orElseThrow(() -> new OAuthException(
                OAuthError.INVALID_GRANT, "The refresh_token is unknown, expired or already used."));
        if (!grant.clientId().equals(clientId)) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The refresh_token was issued to another client.");
        }
        return issuer.issue(grant, requestedScope == null ? grant.scope() : narrowed(grant, requestedScope), null);
    }

    /** RFC 6749 §6: a requested scope may not include anything not originally granted. */
    private static String narrowed(Grant grant, String requestedScope) {
        Set<String> granted = RequestParameters.spaceDelimited(grant.scope());
        Set<String> requested = RequestParameters.spaceDelimited(requestedScope);
        if (!granted.containsAll(requested)) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "The scope exceeds the originally granted scope.");
        }
        return String.join(" ", requested);
    }
}
