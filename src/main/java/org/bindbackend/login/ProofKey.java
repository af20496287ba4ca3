package org.bindbackend.login;

import java.util.Map;
import org.bindbackend.shared.RandomTokens;
import org.bindbackend.shared.Sha256;

/**
 * A PKCE code verifier (RFC 7636 §4.1): 32 random bytes, base64url, 43 characters; and its S256 challenge (§4.2),
 * {@code BASE64URL(SHA256(verifier))}, which the authorization request carries while the verifier stays sealed in
 * the browser's login cookie until the code exchange.
 */
record ProofKey(String verifier) {

    static final String METHOD = "S256";

    static ProofKey random() {
        return new ProofKey(RandomTokens.next());
    }

    String challenge() {
        return Sha256.base64Url(verifier);
    }

    /** The authorization request's parameters for it (RFC 7636 §4.3). */
    Map<String, String> requestParameters() {
        return Map.of("code_challenge", challenge(), "code_challenge_method", METHOD);
    }
}
