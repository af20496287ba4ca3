package org.bindbackend.issuer;

import java.net.URI;
import java.util.List;

/**
 * Validates an authentication request (OIDC Core 3.1.2.2) in the order RFC 6749 §4.1.2.1 demands:
 * first the client and its redirect URI, whose failures are shown to the end-user and never
 * redirected (an open redirector otherwise), then the {@link #CHECKS}, whose failures go back to the
 * now trusted redirect URI.
 */
final class AuthorizationRequestValidator {

    /** The checks made once the redirect URI is trusted, in order. */
    private static final List<AuthorizationChecks.Check> CHECKS = List.of(
            AuthorizationChecks::responseTypeIsCode,
            AuthorizationChecks::responseModeIsQuery,
            AuthorizationChecks::scopeContainsOpenid,
            AuthorizationChecks::noRequestObject,
            AuthorizationChecks::promptAllowsLogin,
            AuthorizationChecks::pkceChallengeIsS256);

    private final IssuerConfig config;

    AuthorizationRequestValidator(IssuerConfig config) {
        this.config = config;
    }

    /**
     * The validated request.
     *
     * @throws AuthorizationRedirectError when a check failed after the redirect URI was verified
     * @throws OAuthException             when the client or the redirect URI cannot be trusted
     */
    AuthorizationRequest validate(RequestParameters request) {
        URI redirectUri = verifiedRedirectUri(request);
        String state = state(request, redirectUri);
        try {
            CHECKS.forEach(check -> check.check(request));
            return new AuthorizationRequest(config.clientId(), redirectUri,
                    Scopes.granted(request.required("scope")), state,
                    request.optional("nonce").orElse(null),
                    request.optional("code_challenge").orElse(null),
                    request.optional("login_hint").orElse(null));
        } catch (OAuthException refusal) {
            throw new AuthorizationRedirectError(refusal, redirectUri, state);
        }
    }

    /**
     * RFC 6749 §3.1.2.3 and OIDC Core 3.1.2.1: the client must be the registered one and the
     * {@code redirect_uri} (required by OpenID Connect) must equal its registered redirect URI,
     * character for character.
     */
    private URI verifiedRedirectUri(RequestParameters request) {
        String clientId = request.required("client_id");
        if (!clientId.equals(config.clientId())) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The client_id is not a registered client.");
        }
        String redirectUri = request.required("redirect_uri");
        if (!redirectUri.equals(config.redirectUri().toString())) {
            throw new OAuthException(OAuthError.INVALID_REQUEST,
                    "The redirect_uri is not the one registered for this client, which is exactly "
                            + config.redirectUri() + ".");
        }
        return config.redirectUri();
    }

    /** The {@code state}; a repeated one is refused on the redirect URI, without a state to return. */
    private static String state(RequestParameters request, URI redirectUri) {
        try {
            return request.optional("state").orElse(null);
        } catch (OAuthException repeated) {
            throw new AuthorizationRedirectError(repeated, redirectUri, null);
        }
    }
}
