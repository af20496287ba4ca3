package org.bindbackend.provider;

import java.time.Instant;
import java.util.Optional;
import org.bindbackend.config.Settings;
import org.bindbackend.shared.Causes;
import org.bindbackend.text.UntrustedText;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * What every JWT the provider signs for this client must be, checked by this backend's own code: ID tokens (OIDC
 * Core 3.1.3.7 steps 2, 3, 6, 7, 9, 10) and logout tokens (Back-Channel Logout 1.0 §2.6, which asks for the same
 * checks). Signed with one of {@code oidc.signing-algorithms} (never {@code none} or HMAC, checked before any key
 * is looked up, so that such a token is named for what it is), by a key the provider publishes, issued by the
 * discovered issuer to this client. Each kind of token adds its own rules.
 */
public final class ProviderTokens {

    /** Tolerated clock difference between this server and the provider. */
    public static final int CLOCK_SKEW_SECONDS = 60;

    private ProviderTokens() {
    }

    /** Why {@code jwt}'s algorithm is not accepted (its {@code what}, e.g. "the ID token"), or empty when it is. */
    public static Optional<String> algorithmProblem(String jwt, String what, Settings settings) {
        String algorithm;
        try {
            algorithm = JsonWebStructure.fromCompactSerialization(jwt).getAlgorithmHeaderValue();
        } catch (JoseException e) {
            return Optional.of(what + " is not a JWS");
        }
        if (algorithm == null || !settings.signingAlgorithms().contains(algorithm)) {
            return Optional.of(what + " is not signed with an accepted algorithm (" + UntrustedText.forLog(algorithm)
                    + "; accepted: " + String.join(", ", settings.signingAlgorithms()) + ")");
        }
        return Optional.empty();
    }

    /**
     * A consumer of the provider's tokens to this client: the signature with one of the configured algorithms under
     * a key of {@code keys}, {@code iss} exactly {@code issuer}, {@code aud} holding the client id, {@code iat}
     * present and not in the future, {@code nbf} and {@code exp} honoured when present, all judged at {@code now}.
     */
    public static JwtConsumerBuilder consumer(Settings settings, String issuer, VerificationKeyResolver keys, Instant now) {
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(keys)
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        settings.signingAlgorithms().toArray(String[]::new)))
                .setExpectedIssuer(true, issuer)
                .setExpectedAudience(true, settings.clientId())
                .setRequireIssuedAt()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()));
    }

    /**
     * Why the consumer refused {@code what}, in words a user or an operator can act on; never the exception itself,
     * whose message holds the token and its claims.
     */
    public static String describe(InvalidJwtException e, String what, String issuer, Settings settings) {
        if (e.hasExpired()) {
            return what + " has expired";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return what + "'s issuer is not the configured oidc.issuer-url " + UntrustedText.forLog(issuer);
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return what + " is not meant for this client (aud does not contain " + settings.clientId() + ")";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return what + "'s signature is invalid";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING) || Causes.find(e, InvalidAlgorithmException.class).isPresent()) {
            return what + " is not signed with an accepted algorithm (" + String.join(", ", settings.signingAlgorithms())
                    + ")";
        }
        if (Causes.find(e, UnresolvableKeyException.class).isPresent()) {
            return what + " is signed with a key the provider does not publish";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)
                || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING)) {
            return what + " lacks a required claim (exp, iat or sub)";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)
                || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_PAST)) {
            return what + "'s time claims are not sane (iat or nbf in the future, or iat too old)";
        }
        return what + " is invalid";
    }
}
