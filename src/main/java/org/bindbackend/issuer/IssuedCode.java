package org.bindbackend.issuer;

import java.net.URI;

/**
 * What an authorization code stands for until it is exchanged (RFC 6749 §4.1.2).
 *
 * @param grant         what the login granted
 * @param redirectUri   the redirect URI of the authorization request, which the token request must repeat
 * @param nonce         the request's {@code nonce}, for the ID token, or null
 * @param codeChallenge the request's S256 {@code code_challenge}, or null
 */
record IssuedCode(Grant grant, URI redirectUri, String nonce, String codeChallenge) {
}
