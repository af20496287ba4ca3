package org.bindbackend.auth;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * JWTs (RFC 7519) the backend writes for itself, signed with HS256 (RFC 7518 §3.2) under one of its keys
 * ({@link SigningKeys}): sessions and CLI tokens, login cookies. Read back with that key and that algorithm only.
 */
final class HmacJwts {

    private final HmacKey key;

    HmacJwts(HmacKey key) {
        this.key = key;
    }

    String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign with HMAC-SHA256", e);
        }
    }

    /** A consumer that accepts HS256 under this key only; the caller adds the claims it requires. */
    JwtConsumerBuilder consumer() {
        return new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256);
    }
}
