package org.bindbackend.issuer;

import java.util.Optional;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;

/**
 * The {@code authorization_code} grant (RFC 6749 §4.1.3, OIDC Core 3.1.3.2): exchanges a live code,
 * issued to the same client, for tokens, when the {@code redirect_uri} repeats the authorization
 * request's and the PKCE {@code code_verifier} matches its challenge (RFC 7636 §4.6).
 */
final class AuthorizationCodeGrantHandler implements GrantHandler {

    private static final Logger LOG = Logs.of(AuthorizationCodeGrantHandler.class);

    private final AuthorizationCodes codes;
    private final IssuedTokens tokens;
    private final TokenIssuer issuer;

    AuthorizationCodeGrantHandler(AuthorizationCodes codes, IssuedTokens tokens, TokenIssuer issuer) {
        this.codes = codes;
        this.tokens = tokens;
        this.issuer = issuer;
    }

    @Override
    public String grantType() {
        return "authorization_code";
    }

    @Override
    public TokenResponse handle(String clientId, RequestParameters form) {
        String code = form.required("code");
        String redirectUri = form.required("redirect_uri");
        Optional<String> verifier = form.optional("code_verifier");
        IssuedCode issued = codes.redeem(code).orElseThrow(() -> refuseUnknownOrReused(code));
        if (!issued.grant().clientId().equals(clientId)) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The code was issued to another client.");
        }
        if (!redirectUri.equals(issued.redirectUri().toString())) {
            throw new OAuthException(OAuthError.INVALID_GRANT,
                    "The redirect_uri differs from the one of the authorization request.");
        }
        Pkce.verify(issued.codeChallenge(), verifier);
        return issuer.issue(issued.grant(), issued.grant().scope(), issued.nonce());
    }

    /** RFC 6749 §4.1.2: a code used twice revokes the tokens issued with its first use. */
    private OAuthException refuseUnknownOrReused(String code) {
        codes.grantRedeemedWith(code).ifPresent(grantId -> {
            int revoked = tokens.revokeGrant(grantId);
            LOG.fine(() -> "An authorization code was used a second time; revoked the " + revoked
                    + " tokens issued with it");
        });
        return new OAuthException(OAuthError.INVALID_GRANT, "The code is unknown, expired or already used.");
    }
}
