package org.bindbackend.session;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.SessionSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.keys.HmacJwts;
import org.bindbackend.keys.SigningKeys;
import org.bindbackend.logs.Logs;
import org.bindbackend.shared.Causes;
import org.bindbackend.shared.RandomTokens;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * The backend's own credential, the same for the browser's cookie and the CLI's bearer token: a JWT (RFC 7519)
 * signed with HMAC-SHA256 (RFC 7518 §3.2) that only this backend issues and checks. With
 * {@code session-signing-key} set every replica accepts every other's sessions; {@code iss} and {@code aud} are
 * this deployment's {@code external-url}, so that another deployment sharing the key does not (RFC 7519 §4.1.1,
 * §4.1.3).
 *
 * <p>Claims: {@code iss}, {@code aud}, {@code sub}, {@code jti} (the session id), {@code iat}, {@code exp},
 * {@code idp} (the provider's issuer), {@code psid} (the provider's session id), {@code cid} (cluster id),
 * {@code name} (the user name), {@code email} and
 * {@code email_verified}, and the groups: a plain {@code groups} array, or {@code groups_z} packed by
 * {@link CompactGroups} when the plain list would make the cookie too large.
 */
@ApplicationScoped
public class SessionTokens {

    private static final Logger LOG = Logs.of(SessionTokens.class);
    static final String PROVIDER_ISSUER = "idp";
    /** The provider's session id ({@code sid}) of the login. */
    static final String PROVIDER_SESSION = "psid";
    /** Groups listed plainly up to this many characters of JSON; packed beyond. */
    static final int PLAIN_GROUPS_LIMIT = 1024;


    @Inject
    BackendSettings backendSettings;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Clock clock;

    private HmacJwts jwts;
    private String deployment;

    @PostConstruct
    void init() {
        deployment = backendSettings.get().externalUrl().toString();
        jwts = signingKeys.hmac("sessions");
    }

    /**
     * A new session for a verified identity, valid for {@code token-expiry}.
     *
     * @param providerSession the provider's session id ({@code sid}) the login came with, or empty
     */
    IssuedSession issue(Identity identity, String clusterId, String providerSession) {
        Settings settings = backendSettings.get();
        String id = randomId();
        Instant now = clock.instant();
        NumericDate expiry = NumericDate.fromSeconds(now.plus(settings.sessions().tokenExpiry()).getEpochSecond());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(deployment);
        claims.setAudience(deployment);
        claims.setSubject(identity.subject());
        claims.setJwtId(id);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(expiry);
        claims.setStringClaim(PROVIDER_ISSUER, identity.issuer());
        claims.setStringClaim("name", identity.username());
        if (!identity.email().isEmpty()) {
            claims.setStringClaim("email", identity.email());
            claims.setClaim("email_verified", identity.emailVerified());
        }
        if (!clusterId.isEmpty()) {
            claims.setStringClaim("cid", clusterId);
        }
        if (!providerSession.isEmpty()) {
            claims.setStringClaim(PROVIDER_SESSION, providerSession);
        }
        setGroups(claims, identity.groups());
        Session session = new Session(identity, id, clusterId, Instant.ofEpochSecond(now.getEpochSecond()),
                Instant.ofEpochSecond(expiry.getValue()), providerSession);
        return new IssuedSession(jwts.sign(claims), session);
    }

    /**
     * The session in a token this deployment issued, if its signature, issuer, audience and expiry hold, and it was
     * issued for no longer than {@code token-expiry} allows now: lowering it shortens every session at once.
     */
    Verification verify(String token) {
        try {
            JwtClaims claims = jwts.verify(token, required -> required
                    .setExpectedIssuer(deployment)
                    .setExpectedAudience(deployment)
                    .setRequireExpirationTime()
                    .setRequireIssuedAt()
                    .setAllowedClockSkewInSeconds((int) SessionSettings.CLOCK_SKEW.toSeconds())
                    .setRequireSubject()
                    .setRequireJwtId(), clock.instant());
            long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
            if (lifetime > backendSettings.get().sessions().tokenExpiry().toSeconds()) {
                LOG.log(Level.FINE, "Refused a session token issued for {0} s, longer than token-expiry", lifetime);
                return Verification.invalid(Verification.Problem.OUTLIVED);
            }
            Identity identity = new Identity(claims.getSubject(), claims.getStringClaimValue(PROVIDER_ISSUER),
                    claims.getStringClaimValue("name"), claims.getStringClaimValue("email"),
                    Boolean.TRUE.equals(claims.getClaimValue("email_verified")), groups(claims));
            String clusterId = claims.hasClaim("cid") ? claims.getStringClaimValue("cid") : "";
            String providerSession = claims.hasClaim(PROVIDER_SESSION) ? claims.getStringClaimValue(PROVIDER_SESSION) : "";
            return Verification.valid(new Session(identity, claims.getJwtId(), clusterId,
                    Instant.ofEpochSecond(claims.getIssuedAt().getValue()),
                    Instant.ofEpochSecond(claims.getExpirationTime().getValue()), providerSession));
        } catch (InvalidJwtException e) {
            // Never the exception's message: jose4j puts the token and its claims in it.
            LOG.log(Level.FINE, "Refused a session token: {0}", reason(e));
            return Verification.invalid(problem(e));
        } catch (MalformedClaimException | IllegalArgumentException e) {
            return Verification.invalid(Verification.Problem.INVALID);
        }
    }

    private static Verification.Problem problem(InvalidJwtException e) {
        if (e.hasExpired()) {
            return Verification.Problem.EXPIRED;
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || Causes.find(e, UnresolvableKeyException.class).isPresent()) {
            return Verification.Problem.BAD_SIGNATURE;
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)) {
            return Verification.Problem.FOREIGN;
        }
        return Verification.Problem.INVALID;
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "expired";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "its signature does not verify (signed with another session-signing-key?)";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)) {
            return "issued by another deployment (its iss or aud is not this external-url)";
        }
        return "not a session token of this backend";
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

    private static String randomId() {
        return RandomTokens.next(16);
    }
}
