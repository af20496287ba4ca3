package org.bindbackend.auth;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.AesKey;
import org.jose4j.lang.JoseException;

/**
 * JWTs the backend seals for itself: encrypted and authenticated with AES-256-GCM under a key of its own, used
 * directly (JWE, RFC 7516; {@code dir} and {@code A256GCM}, RFC 7518 §4.5, §5.3), so that what they hold, such as a
 * login's PKCE verifier, is read by no one but the backend, and changed by no one.
 */
final class SealedJwts {

    private final AesKey key;

    SealedJwts(byte[] key) {
        this.key = new AesKey(key);
    }

    String seal(JwtClaims claims) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setPayload(claims.toJson());
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setKey(key);
        try {
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot seal with AES-256-GCM", e);
        }
    }

    /** A consumer that opens what this key sealed, with these algorithms only; the caller adds the claims it requires. */
    JwtConsumerBuilder consumer() {
        return new JwtConsumerBuilder()
                .setDecryptionKey(key)
                .setDisableRequireSignature()
                .setJweAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.DIRECT)
                .setJweContentEncryptionAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
    }
}
