package org.bindbackend.issuer;

import java.security.PublicKey;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;
import org.bindbackend.shared.RandomTokens;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * The provider's signing key: a fresh RSA-2048 key made when the application starts (never stored,
 * so a restart invalidates every ID token issued before), with a random {@code kid}, {@code alg}
 * RS256 and {@code use} sig (RFC 7517 §4). Its public half is published as a JWK Set, serialized
 * once. Made only in embedded mode: an external-mode backend never holds a signing key of its own.
 */
public final class IssuerKeys {

    private static final Logger LOG = Logs.of(IssuerKeys.class);

    private final RsaJsonWebKey signingKey;
    private final String publicJwksJson;

    private IssuerKeys(RsaJsonWebKey signingKey) throws JoseException {
        this.signingKey = signingKey;
        this.publicJwksJson = new JsonWebKeySet(signingKey).toJson(OutputControlLevel.PUBLIC_ONLY);
    }

    /** A new key pair, with its public JWK Set serialized. */
    public static IssuerKeys generate() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(RandomTokens.next());
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            LOG.fine(() -> "Generated the RS256 signing key " + key.getKeyId());
            return new IssuerKeys(key);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot generate the RSA signing key", e);
        }
    }

    /** The signing key's id ({@code kid}, RFC 7517 §4.5), as the JWK Set publishes it. */
    public String keyId() {
        return signingKey.getKeyId();
    }

    /** The public JWK Set (RFC 7517 §5), without any private key member. */
    public String publicJwksJson() {
        return publicJwksJson;
    }

    /** The public key, to verify ID tokens this provider issued. */
    public PublicKey publicKey() {
        return signingKey.getPublicKey();
    }

    /** {@code claims} signed with RS256 as a compact JWS, with {@code kid} and {@code typ} JWT in its header. */
    public String sign(JwtClaims claims) {
        return sign(claims, "JWT");
    }

    /** {@code claims} signed with RS256 as a compact JWS, with {@code kid} and the media type {@code type} as {@code typ}. */
    String sign(JwtClaims claims, String type) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey.getPrivateKey());
        jws.setKeyIdHeaderValue(signingKey.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", type);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }
}
