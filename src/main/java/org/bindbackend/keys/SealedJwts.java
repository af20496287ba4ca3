package org.bindbackend.keys;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.AesKey;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * JWTs the backend seals for itself: encrypted and authenticated with AES-256-GCM under a key of its own, used
 * directly (JWE, RFC 7516; {@code dir} and {@code A256GCM}, RFC 7518 §4.5, §5.3), so that what they hold, such as a
 * login's PKCE verifier, is read by no one but the backend, and changed by no one: login cookies. Sealed with the
 * current key, named in {@code kid}; opened with the key a cookie names, if the backend holds it.
 */
public final class SealedJwts {

    private final DerivedKeys keys;

    SealedJwts(DerivedKeys keys) {
        this.keys = keys;
    }

    public String seal(JwtClaims claims) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setPayload(claims.toJson());
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.DIRECT);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setKeyIdHeaderValue(keys.current().id());
        jwe.setKey(new AesKey(keys.current().bytes()));
        try {
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot seal with AES-256-GCM", e);
        }
    }

    /**
     * The claims sealed in {@code jwt} when a key this backend holds sealed it with these algorithms and they meet
     * {@code requirements}, their times judged at {@code now}.
     */
    public JwtClaims open(String jwt, UnaryOperator<JwtConsumerBuilder> requirements, Instant now)
            throws InvalidJwtException {
        return requirements.apply(new JwtConsumerBuilder()
                        .setDecryptionKeyResolver((jwe, nesting) -> new AesKey(keys.named(jwe.getKeyIdHeaderValue())
                                .orElseThrow(() -> new UnresolvableKeyException("sealed with a key this backend "
                                        + "does not hold")).bytes()))
                        .setDisableRequireSignature()
                        .setJweAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                                KeyManagementAlgorithmIdentifiers.DIRECT)
                        .setJweContentEncryptionAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                                ContentEncryptionAlgorithmIdentifiers.AES_256_GCM)
                        .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli())))
                .build().processToClaims(jwt);
    }
}
