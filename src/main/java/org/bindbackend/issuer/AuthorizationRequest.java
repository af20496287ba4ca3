package org.bindbackend.issuer;

import java.net.URI;

/**
 * A validated authentication request (OIDC Core 3.1.2.1), kept server-side while the end-user logs
 * in, so nothing the browser sends back can change it.
 *
 * @param clientId      the verified client
 * @param redirectUri   the verified redirect URI
 * @param scope         the granted scope (the supported values requested, {@code openid} among them)
 * @param state         the client's {@code state}, or null
 * @param nonce         the client's {@code nonce}, or null
 * @param codeChallenge the S256 PKCE {@code code_challenge} (RFC 7636 §4.3), or null
 * @param loginHint     the {@code login_hint}, used to prefill the username, or null
 */
record AuthorizationRequest(String clientId, URI redirectUri, String scope, String state, String nonce,
        String codeChallenge, String loginHint) {
}
