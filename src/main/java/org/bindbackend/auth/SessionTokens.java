package org.bindbackend.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.SessionSettings;
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
 * The backend's own credential, the same for the browser's cookie and the CLI's bearer token: a JWT (RFC 7519)
 * signed with HMAC-SHA256 (RFC 7518 §3.2) that only this backend issues and checks. With
 * {@code session-signing-key} set every replica accepts every other's sessions.
 *
 * <p>Claims: {@code sub}, {@code iss} (the provider's), {@code jti} (the session id), {@code cid} (cluster id),
 * {@code name}, {@code email}, and the groups: a plain {@code groups} array, or {@code groups_z} packed by
 * {@link CompactGroups} when the plain list would make the cookie too large.
 */
@ApplicationScoped
public class SessionTokens {

    private static final Logger LOG = Logger.getLogger(SessionTokens.class.getName());
    static final String AUDIENCE = "bind-backend";
    /** Groups listed plainly up to this many characters of JSON; packed beyond. */
    static final int PLAIN_GROUPS_LIMIT = 1024;
    /** Tolerated clock difference between replicas. */
    static final int CLOCK_SKEW_SECONDS = 30;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    BackendSettings backendSettings;

    private HmacKey key;
    private JwtConsumer consumer;

    @PostConstruct
    void init() {
        SessionSettings sessions = backendSettings.get().sessions();
        byte[] secret;
        if (sessions.signingKey().isPresent()) {
            secret = sessions.signingKey().get().reveal().getBytes(StandardCharsets.UTF_8);
        } else {
            secret = new byte[SessionSettings.MIN_KEY_BYTES];
            RANDOM.nextBytes(secret);
            LOG.warning("No session-signing-key is set: sessions and CLI tokens are signed with a key made at this "
                    + "start, so they work on this replica only and end when it restarts.");
        }
        key = new HmacKey(secret);
        consumer = new JwtConsumerBuilder()
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setExpectedAudience(AUDIENCE)
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setRequireSubject()
                .setRequireJwtId()
                .build();
    }

    /** Makes the signing key now, at start, so that its warning (if any) is logged then. */
    public void ready() {
        // @PostConstruct did the work when this proxy's first call created the bean.
    }

    /** A new session for a verified identity, valid for {@code token-expiry}. */
    public IssuedSession issue(Identity identity, String clusterId) {
        Settings settings = backendSettings.get();
        String id = randomId();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(settings.sessions().tokenExpiry().toSeconds());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(identity.issuer());
        claims.setAudience(AUDIENCE);
        claims.setSubject(identity.subject());
        claims.setJwtId(id);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(expiry);
        claims.setStringClaim("name", identity.name());
        if (!identity.email().isEmpty()) {
            claims.setStringClaim("email", identity.email());
        }
        if (!clusterId.isEmpty()) {
            claims.setStringClaim("cid", clusterId);
        }
        setGroups(claims, identity.groups());
        Session session = new Session(identity, id, clusterId, Instant.ofEpochSecond(expiry.getValue()));
        return new IssuedSession(sign(claims), session);
    }

    /** The session in a token this backend issued, if its signature, audience and expiry hold. */
    public Verification verify(String token) {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            Identity identity = new Identity(claims.getSubject(), claims.getIssuer(),
                    claims.getStringClaimValue("name"), claims.getStringClaimValue("email"), groups(claims));
            String clusterId = claims.hasClaim("cid") ? claims.getStringClaimValue("cid") : "";
            return Verification.valid(new Session(identity, claims.getJwtId(), clusterId,
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue())));
        } catch (InvalidJwtException e) {
            LOG.log(Level.FINE, "Refused a session token: {0}", e.getMessage());
            return Verification.invalid(e.hasExpired() ? Verification.Problem.EXPIRED : Verification.Problem.INVALID);
        } catch (MalformedClaimException | IllegalArgumentException e) {
            return Verification.invalid(Verification.Problem.INVALID);
        }
    }

    private static void setGroups(JwtClaims claims, List<String> groups) {
        int plainLength = groups.stream().mapToInt(group -> group.length() + 3).sum();
        if (plainLength <= PLAIN_GROUPS_LIMIT) {
            claims.setStringListClaim("groups", groups);
        } else {
            claims.setStringClaim("groups_z", CompactGroups.pack(groups));
        }
    }

    private static List<String> groups(JwtClaims claims) throws MalformedClaimException {
        if (claims.hasClaim("groups_z")) {
            return CompactGroups.unpack(claims.getStringClaimValue("groups_z"));
        }
        return claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
    }

    private String sign(JwtClaims claims) {
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

    private static String randomId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
