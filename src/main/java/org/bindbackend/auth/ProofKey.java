package org.bindbackend.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE code verifier (RFC 7636 §4.1): 32 random bytes, base64url, 43 characters; and its S256 challenge (§4.2),
 * {@code BASE64URL(SHA256(verifier))}, which the authorization request carries while the verifier stays with the
 * browser's login until the code exchange.
 */
record ProofKey(String verifier) {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String METHOD = "S256";

    static ProofKey random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ProofKey(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    String challenge() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
