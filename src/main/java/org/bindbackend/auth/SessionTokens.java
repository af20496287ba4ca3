package org.bindbackend.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * The backend's own session credential, issued once the provider's login is verified: a JWT (RFC 7519) signed
 * with HMAC-SHA256 (RFC 7518 §3.2) that only this backend issues and checks, so verifying it costs microseconds.
 */
@ApplicationScoped
public class SessionTokens {

    private static final Logger LOG = Logger.getLogger(SessionTokens.class.getName());
    static final String AUDIENCE = "bind-backend";

    @Inject
    BackendSettings backendSettings;

    private HmacKey key;
    private JwtConsumer consumer;

    @PostConstruct
    void init() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new HmacKey(secret);
        consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setExpectedAudience(AUDIENCE)
                .setRequireExpirationTime()
                .setRequireSubject()
                .setRequireJwtId()
                .build();
    }

    /** A new session for a verified identity, valid for {@code token-expiry}. */
    public String issue(Identity identity) {
        Settings settings = backendSettings.get();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(identity.issuer());
        claims.setAudience(AUDIENCE);
        claims.setSubject(identity.subject());
        claims.setJwtId(randomId());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(settings.tokenExpiry().toSeconds() / 60f);
        claims.setStringClaim("name", identity.name());
        if (!identity.email().isEmpty()) {
            claims.setStringClaim("email", identity.email());
        }
        claims.setStringListClaim("groups", identity.groups());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign a session token", e);
        }
    }

    /** The identity in a valid, unexpired token this backend issued; empty for anything else. */
    public Optional<Identity> verify(String token) {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            return Optional.of(new Identity(claims.getSubject(), claims.getIssuer(),
                    claims.getStringClaimValue("name"), claims.getStringClaimValue("email"),
                    claims.getStringListClaimValue("groups")));
        } catch (InvalidJwtException | MalformedClaimException e) {
            LOG.log(Level.FINE, "Refused a session token: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    private static String randomId() {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
