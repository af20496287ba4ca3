package org.bindbackend.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.bindbackend.config.Settings;
import org.bindbackend.shared.Causes;
import org.bindbackend.text.UntrustedText;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Verifies the provider's ID token with this backend's own code before a login is trusted (OpenID Connect Core
 * 1.0, §3.1.3.7), because the container's checks alone let unsigned and HMAC-signed tokens through.
 */
public final class IdTokenVerifier {

    /** Tolerated clock difference between this server and the provider. */
    static final int CLOCK_SKEW_SECONDS = 60;

    private final Settings settings;

    public IdTokenVerifier(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param issuer the issuer exactly as the provider's discovery document names it (which was checked to be
     *               {@code oidc.issuer-url}, give or take a trailing slash, as some providers add one)
     * @param nonce  the nonce this browser's login was sent to the provider with, or null if none was recorded
     * @return the verified claims
     * @throws LoginRefusedException naming the check that failed
     */
    public JwtClaims verify(String idToken, String issuer, VerificationKeyResolver keys, String nonce)
            throws LoginRefusedException {
        checkAlgorithm(idToken);
        JwtConsumer consumer = new JwtConsumerBuilder()
                // Step 6 and 7: the signature, with one of the configured algorithms only (never none or HMAC).
                .setVerificationKeyResolver(keys)
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        settings.signingAlgorithms().toArray(String[]::new)))
                // Step 2: iss exactly equal to the configured issuer.
                .setExpectedIssuer(true, issuer)
                // Step 3: aud contains the client id.
                .setExpectedAudience(true, settings.clientId())
                // Step 9 and 10: exp in the future, iat present and not in the future; nbf honoured when present.
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setIssuedAtRestrictions(CLOCK_SKEW_SECONDS, 24 * 60 * 60)
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setRequireSubject()
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(idToken);
            checkAuthorizedParty(claims);
            checkNonce(claims, nonce);
            return claims;
        } catch (InvalidJwtException e) {
            // Never the exception itself: jose4j puts the token and its claims in its message.
            throw new LoginRefusedException(LoginRefusal.Reason.ID_TOKEN_REJECTED, describe(e, issuer));
        } catch (MalformedClaimException e) {
            throw new LoginRefusedException(LoginRefusal.Reason.ID_TOKEN_REJECTED, "a claim has the wrong type");
        }
    }

    /**
     * Steps 6 and 7: the algorithm is one the settings accept, checked before any key is looked up, so that an
     * unsigned or HMAC token is named for what it is.
     */
    private void checkAlgorithm(String idToken) throws LoginRefusedException {
        String algorithm;
        try {
            algorithm = JsonWebStructure.fromCompactSerialization(idToken).getAlgorithmHeaderValue();
        } catch (JoseException e) {
            throw new LoginRefusedException(LoginRefusal.Reason.ID_TOKEN_REJECTED, "the ID token is not a JWS");
        }
        if (algorithm == null || !settings.signingAlgorithms().contains(algorithm)) {
            throw new LoginRefusedException(LoginRefusal.Reason.ID_TOKEN_REJECTED,
                    "the ID token is not signed with an accepted algorithm (" + UntrustedText.forLog(algorithm) + "; accepted: "
                            + String.join(", ", settings.signingAlgorithms()) + ")");
        }
    }

    /** Steps 4 and 5: with several audiences azp must be present, and when present it must be this client. */
    private void checkAuthorizedParty(JwtClaims claims) throws MalformedClaimException, LoginRefusedException {
        List<String> audiences = claims.getAudience();
        String azp = claims.getClaimValue("azp", String.class);
        if (audiences.size() > 1 && azp == null) {
            throw new LoginRefusedException(LoginRefusal.Reason.ID_TOKEN_REJECTED,
                    "the ID token has several audiences and no azp claim");
        }
        if (azp != null && !azp.equals(settings.clientId())) {
            throw new LoginRefusedException(LoginRefusal.Reason.ID_TOKEN_REJECTED,
                    "the ID token was issued to another client (azp " + UntrustedText.forLog(azp) + ")");
        }
    }

    /**
     * Step 11: the nonce is the one this browser's login sent (OIDC Core 3.1.2.1, 15.5.2), compared here rather
     * than left to the container, so that a token issued for another login is refused on every server.
     */
    private static void checkNonce(JwtClaims claims, String expected) throws LoginRefusedException, MalformedClaimException {
        String nonce = claims.getClaimValue("nonce", String.class);
        if (nonce == null) {
            throw new LoginRefusedException(LoginRefusal.Reason.ID_TOKEN_REJECTED, "the ID token has no nonce");
        }
        if (expected == null || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            throw new LoginRefusedException(LoginRefusal.Reason.ID_TOKEN_REJECTED,
                    "the ID token's nonce is not the one this browser's login was sent with (a replayed token)");
        }
    }

    private String describe(InvalidJwtException e, String issuer) {
        if (e.hasExpired()) {
            return "the ID token has expired";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "the ID token's issuer is not the configured oidc.issuer-url " + UntrustedText.forLog(issuer);
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "the ID token is not meant for this client (aud does not contain " + settings.clientId() + ")";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "the ID token's signature is invalid";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING) || Causes.find(e, InvalidAlgorithmException.class).isPresent()) {
            return "the ID token is not signed with an accepted algorithm (" + String.join(", ", settings.signingAlgorithms()) + ")";
        }
        if (Causes.find(e, UnresolvableKeyException.class).isPresent()) {
            return "the ID token is signed with a key the provider does not publish";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)
                || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return "the ID token lacks a required claim (exp, iat or sub)";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)
                || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_PAST)) {
            return "the ID token's time claims are not sane (iat or nbf in the future, or iat too old)";
        }
        return "the ID token is invalid";
    }
}
