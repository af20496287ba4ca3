package org.bindbackend.backchannel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bindbackend.config.Settings;
import org.bindbackend.provider.ProviderTokens;
import org.bindbackend.text.UntrustedText;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Verifies a logout token as strictly as an ID token (OpenID Connect Back-Channel Logout 1.0 §2.6): what every token
 * of the provider must be ({@code provider.ProviderTokens}: an accepted algorithm, a key the provider publishes,
 * {@code iss}, {@code aud}), and then what makes it a logout token and nothing else: explicitly typed
 * {@code logout+jwt} when it says its type (§2.4, RFC 8725 §3.11), issued within {@link #ISSUED_WITHIN}, not
 * expired when it has an {@code exp}, the back-channel logout event in {@code events}, a {@code sid} or a
 * {@code sub}, a {@code jti}, and no {@code nonce} (so that an ID token never passes for one).
 */
final class LogoutTokenVerifier {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    static final String TYPE = "logout+jwt";
    /** How old a logout token may be: they are sent as the logout happens, and replayed ones must not pass. */
    static final Duration ISSUED_WITHIN = Duration.ofMinutes(5);
    /** Longer ids or subjects than any provider uses are refused rather than kept. */
    static final int MAX_CLAIM_LENGTH = 255;
    private static final String WHAT = "the logout token";

    private final Settings settings;
    private final Clock clock;

    LogoutTokenVerifier(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** @param issuer the issuer exactly as the provider's discovery document names it */
    LogoutToken verify(String token, String issuer, VerificationKeyResolver keys) throws RefusedLogoutToken {
        Optional<String> algorithm = ProviderTokens.algorithmProblem(token, WHAT, settings);
        if (algorithm.isPresent()) {
            throw new RefusedLogoutToken(algorithm.get());
        }
        checkType(token);
        Instant now = clock.instant();
        JwtClaims claims;
        try {
            claims = ProviderTokens.consumer(settings, issuer, keys, now)
                    .setIssuedAtRestrictions(ProviderTokens.CLOCK_SKEW_SECONDS, (int) ISSUED_WITHIN.toSeconds())
                    .setRequireJwtId()
                    .build().processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new RefusedLogoutToken(ProviderTokens.describe(e, WHAT, issuer, settings));
        }
        try {
            checkEvent(claims);
            if (claims.hasClaim("nonce")) {
                throw new RefusedLogoutToken("the logout token has a nonce: it is an ID token, not a logout token");
            }
            String subject = text(claims, "sub");
            String session = text(claims, "sid");
            if (subject.isEmpty() && session.isEmpty()) {
                throw new RefusedLogoutToken("the logout token names neither a sid nor a sub");
            }
            String id = text(claims, "jti");
            return new LogoutToken(issuer, subject, session, id, Instant.ofEpochSecond(claims.getIssuedAt().getValue()));
        } catch (MalformedClaimException e) {
            throw new RefusedLogoutToken("a claim of the logout token has the wrong type");
        }
    }

    /** §2.4: when the header says a type, it is {@code logout+jwt} (a media type, so case-insensitive, RFC 7515 §4.1.9). */
    private static void checkType(String token) throws RefusedLogoutToken {
        try {
            String type = JsonWebStructure.fromCompactSerialization(token).getHeader("typ");
            if (type != null && !type.equalsIgnoreCase(TYPE) && !type.equalsIgnoreCase("application/" + TYPE)) {
                throw new RefusedLogoutToken("the token is typed " + UntrustedText.forLog(type) + ", not " + TYPE);
            }
        } catch (JoseException e) {
            throw new RefusedLogoutToken("the logout token is not a JWS");
        }
    }

    /** §2.4: {@code events} is a JSON object with the back-channel logout event, whose value is a JSON object. */
    private static void checkEvent(JwtClaims claims) throws RefusedLogoutToken {
        if (!(claims.getClaimValue("events") instanceof Map<?, ?> events) || !(events.get(EVENT) instanceof Map<?, ?>)) {
            throw new RefusedLogoutToken("the logout token's events claim lacks " + EVENT);
        }
    }

    /** A string claim, or empty when absent; a short string without control characters when present. */
    private static String text(JwtClaims claims, String name) throws RefusedLogoutToken, MalformedClaimException {
        if (!claims.hasClaim(name)) {
            return "";
        }
        String value = claims.getStringClaimValue(name);
        if (value.isBlank() || value.length() > MAX_CLAIM_LENGTH || UntrustedText.hasControlCharacters(value)) {
            throw new RefusedLogoutToken("the logout token's " + name + " is blank, too long or has control characters");
        }
        return value;
    }
}
