package org.bindbackend.auth;

import org.bindbackend.shared.RandomTokens;
import org.bindbackend.shared.Sha256;

/**
 * A PKCE code verifier (RFC 7636 §4.1): 32 random bytes, base64url, 43 characters; and its S256 challenge (§4.2),
 * {@code BASE64URL(SHA256(verifier))}, which the authorization request carries while the verifier stays with the
 * browser's login until the code exchange.
 */
record ProofKey(String verifier) {

    static final String METHOD = "S256";

    static ProofKey random() {
        return new ProofKey(RandomTokens.next());
    }

    String challenge() {
        return Sha256.base64Url(verifier);
    }
}
