package org.bindbackend.keys;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * JWTs (RFC 7519) the backend signs for itself with HS256 (RFC 7518 §3.2) under one of its purposes' keys
 * ({@link SigningKeys}): sessions and CLI tokens. Signed with the current key, named in {@code kid}; read back with
 * the key a token names, if the backend holds it, and that algorithm only.
 */
public final class HmacJwts {

    private final DerivedKeys keys;

    HmacJwts(DerivedKeys keys) {
        this.keys = keys;
    }

    public String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(keys.current().id());
        jws.setKey(new HmacKey(keys.current().bytes()));
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign with HMAC-SHA256", e);
        }
    }

    /**
     * The claims of {@code jwt} when it is HS256 under a key this backend holds and meets {@code requirements}
     * (which add the claims the caller requires), its times judged at {@code now}.
     */
    public JwtClaims verify(String jwt, UnaryOperator<JwtConsumerBuilder> requirements, Instant now)
            throws InvalidJwtException {
        return requirements.apply(new JwtConsumerBuilder()
                        .setVerificationKeyResolver((jws, nesting) -> new HmacKey(keys.named(jws.getKeyIdHeaderValue())
                                .orElseThrow(() -> new UnresolvableKeyException("signed with a key this backend "
                                        + "does not hold")).bytes()))
                        .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                                AlgorithmIdentifiers.HMAC_SHA256)
                        .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli())))
                .build().processToClaims(jwt);
    }
}
