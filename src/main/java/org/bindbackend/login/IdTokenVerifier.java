package org.bindbackend.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bindbackend.config.Settings;
import org.bindbackend.provider.ProviderTokens;
import org.bindbackend.text.UntrustedText;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Verifies the provider's ID token with this backend's own code before a login is trusted (OpenID Connect Core
 * 1.0, §3.1.3.7), because the container's checks alone let unsigned and HMAC-signed tokens through. What every
 * token of the provider must be is {@code provider.ProviderTokens}'; an ID token also has an expiry, a subject,
 * this client as its authorized party, and the nonce of this browser's login.
 */
public final class IdTokenVerifier {

    private static final String WHAT = "the ID token";

    private final Settings settings;
    private final Clock clock;

    public IdTokenVerifier(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
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
        // Steps 6 and 7: one of the configured algorithms only (never none or HMAC), said as such.
        Optional<String> algorithm = ProviderTokens.algorithmProblem(idToken, WHAT, settings);
        if (algorithm.isPresent()) {
            throw new LoginRefusedException(LoginRefusal.Reason.ID_TOKEN_REJECTED, algorithm.get());
        }
        // Steps 2, 3, 6, 7, 9 and 10: the signature, iss, aud, exp in the future, iat present, sane and not in
        // the future; nbf honoured when present.
        JwtConsumer consumer = ProviderTokens.consumer(settings, issuer, keys, clock.instant())
                .setRequireExpirationTime()
                .setIssuedAtRestrictions(ProviderTokens.CLOCK_SKEW_SECONDS, 24 * 60 * 60)
                .setRequireSubject()
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(idToken);
            checkAuthorizedParty(claims);
            checkNonce(claims, nonce);
            return claims;
        } catch (InvalidJwtException e) {
            throw new LoginRefusedException(LoginRefusal.Reason.ID_TOKEN_REJECTED,
                    ProviderTokens.describe(e, WHAT, issuer, settings));
        } catch (MalformedClaimException e) {
            throw new LoginRefusedException(LoginRefusal.Reason.ID_TOKEN_REJECTED, "a claim has the wrong type");
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
}
