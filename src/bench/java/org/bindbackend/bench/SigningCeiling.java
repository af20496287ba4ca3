package org.bindbackend.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * How many ID tokens this machine can sign per second: jose4j RS256 with an RSA-2048 key, building and signing
 * claims like the embedded provider's ID tokens (see {@code IdTokenFactory} and {@code IssuerKeys.sign}). A code
 * exchange that returns a signed ID token and a JWT access token signs twice, so half this rate is the ceiling a
 * token endpoint is measured against; the embedded provider's access tokens are opaque, so it signs once.
 */
final class SigningCeiling {

    private final RsaJsonWebKey key;

    SigningCeiling() throws Exception {
        key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("bench");
    }

    /** Signatures per second with {@code threads} threads signing for {@code duration} or {@code maxSignatures}. */
    Load.Result measure(String name, int threads, Duration warmup, Duration duration, int maxSignatures)
            throws Exception {
        return Load.run(name, new Load.Plan(threads, warmup, warmup.multipliedBy(5), maxSignatures, duration,
                maxSignatures),
                index -> this::sign, null);
    }

    /** One ID token: the claims the embedded provider puts in, signed. */
    String sign() throws Exception {
        Instant now = Instant.now();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("http://127.0.0.1:8080/oidc");
        claims.setAudience("bench-client");
        claims.setClaim("azp", "bench-client");
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.getEpochSecond() + 600));
        claims.setClaim("auth_time", now.getEpochSecond());
        claims.setClaim("nonce", "n0nce-n0nce-n0nce-n0nce-n0nce-n0nce-n0nce-n0n");
        claims.setClaim("at_hash", "c2lnbmF0dXJlLWhhc2gtYXQ");
        claims.setSubject("bench-user");
        claims.setClaim("name", "bench-user");
        claims.setClaim("preferred_username", "bench-user");
        claims.setClaim("email", "bench-user@example.com");
        claims.setStringListClaim("groups", List.of());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }
}
