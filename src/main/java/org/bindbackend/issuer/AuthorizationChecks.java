package org.bindbackend.issuer;

import java.util.Set;

/**
 * The checks an authentication request must pass once its client and redirect URI are verified.
 * Each is one rule of one specification; {@link AuthorizationRequestValidator} lists them in order.
 * A failed check throws an {@link OAuthException}, which then goes back to the client on its
 * redirect URI.
 */
final class AuthorizationChecks {

    /** One check of an authentication request. */
    @FunctionalInterface
    interface Check {

        /**
         * Checks {@code request}.
         *
         * @throws OAuthException when the request breaks the rule
         */
        void check(RequestParameters request);
    }

    private AuthorizationChecks() {
    }

    /** RFC 6749 §3.1.1, OIDC Core 3.1.2.1: {@code response_type} must be {@code code}, the only flow offered. */
    static void responseTypeIsCode(RequestParameters request) {
        String responseType = request.optional("response_type").orElseThrow(
                () -> new OAuthException(OAuthError.INVALID_REQUEST, "The response_type parameter is missing."));
        if (!RequestParameters.spaceDelimited(responseType).equals(Set.of("code"))) {
            throw new OAuthException(OAuthError.UNSUPPORTED_RESPONSE_TYPE,
                    "Only response_type=code (the authorization code flow) is supported.");
        }
    }

    /** OAuth 2.0 Multiple Response Type Encoding Practices §2.1: only the query response mode is offered. */
    static void responseModeIsQuery(RequestParameters request) {
        if (!request.optional("response_mode").orElse("query").equals("query")) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "Only response_mode=query is supported.");
        }
    }

    /** OIDC Core 3.1.2.1: the {@code scope} must contain {@code openid}. */
    static void scopeContainsOpenid(RequestParameters request) {
        if (!RequestParameters.spaceDelimited(request.optional("scope").orElse("")).contains(Scopes.OPENID)) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "The scope must contain openid.");
        }
    }

    /** OIDC Core 6 and 3.1.2.6: request objects, by value or by reference, are not supported. */
    static void noRequestObject(RequestParameters request) {
        if (request.optional("request").isPresent()) {
            throw new OAuthException(OAuthError.REQUEST_NOT_SUPPORTED, "The request parameter is not supported.");
        }
        if (request.optional("request_uri").isPresent()) {
            throw new OAuthException(OAuthError.REQUEST_URI_NOT_SUPPORTED,
                    "The request_uri parameter is not supported.");
        }
    }

    /**
     * OIDC Core 3.1.2.1 and 3.1.2.6: {@code prompt=none} may not be combined with other values, and
     * since this provider keeps no login session, it can only answer it with {@code login_required}.
     */
    static void promptAllowsLogin(RequestParameters request) {
        Set<String> prompt = RequestParameters.spaceDelimited(request.optional("prompt").orElse(""));
        if (prompt.contains("none")) {
            throw prompt.size() > 1
                    ? new OAuthException(OAuthError.INVALID_REQUEST,
                            "prompt=none cannot be combined with other values.")
                    : new OAuthException(OAuthError.LOGIN_REQUIRED, "The end-user must log in; no session exists.");
        }
    }

    /**
     * RFC 7636 §4.3 and §4.4.1: a {@code code_challenge} must come with {@code code_challenge_method=S256}
     * and have the form of §4.2; {@code plain}, or no method (which would mean plain), is refused.
     */
    static void pkceChallengeIsS256(RequestParameters request) {
        var challenge = request.optional("code_challenge");
        var method = request.optional("code_challenge_method");
        if (challenge.isEmpty()) {
            if (method.isPresent()) {
                throw new OAuthException(OAuthError.INVALID_REQUEST,
                        "A code_challenge_method was sent without a code_challenge.");
            }
            return;
        }
        if (!method.orElse("plain").equals(Pkce.S256)) {
            throw new OAuthException(OAuthError.INVALID_REQUEST,
                    "The code_challenge_method must be S256; plain is not supported.");
        }
        if (!Pkce.isWellFormed(challenge.get())) {
            throw new OAuthException(OAuthError.INVALID_REQUEST,
                    "The code_challenge must be 43 to 128 characters of A-Z, a-z, 0-9 and - . _ ~.");
        }
    }
}
