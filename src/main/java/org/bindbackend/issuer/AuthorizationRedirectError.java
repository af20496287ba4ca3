package org.bindbackend.issuer;

import java.net.URI;

/**
 * An authorization error found after the client and its redirect URI were verified, so it goes
 * back to the client as an error response on the redirect URI (RFC 6749 §4.1.2.1, OIDC Core 3.1.2.6).
 */
final class AuthorizationRedirectError extends OAuthException {

    private static final long serialVersionUID = 1L;

    private final URI redirectUri;
    private final String state;

    /** Sends {@code cause} to the verified {@code redirectUri}, with the request's {@code state} (may be null). */
    AuthorizationRedirectError(OAuthException cause, URI redirectUri, String state) {
        super(cause.error(), cause.description());
        this.redirectUri = redirectUri;
        this.state = state;
    }

    /** The verified redirect URI. */
    URI redirectUri() {
        return redirectUri;
    }

    /** The {@code state} of the request, or null when it had none. */
    String state() {
        return state;
    }
}
