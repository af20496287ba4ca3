package org.bindbackend.issuer;

/** Handles one grant type at the token endpoint (RFC 6749 §4.1.3, §6). */
interface GrantHandler {

    /** The {@code grant_type} value handled. */
    String grantType();

    /**
     * The tokens for a token request of the authenticated client {@code clientId}.
     *
     * @throws OAuthException when the grant is refused
     */
    TokenResponse handle(String clientId, RequestParameters form);
}
