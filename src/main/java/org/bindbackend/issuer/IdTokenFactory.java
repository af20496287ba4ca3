package org.bindbackend.issuer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.bindbackend.shared.Base64Url;
import org.bindbackend.shared.Sha256;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/** Makes signed ID tokens (OIDC Core 2 and 3.1.3.6), RS256 with the issuer's key. */
final class IdTokenFactory {

    private final IssuerConfig config;
    private final IssuerKeys keys;
    private final Clock clock;
    private final Duration lifetime;

    IdTokenFactory(IssuerConfig config, IssuerKeys keys, Clock clock, Duration lifetime) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * The ID token for {@code grant}, issued with {@code accessToken}: {@code iss}, {@code sub},
     * {@code aud} and {@code azp} (the client), {@code iat}, {@code exp}, {@code auth_time} (the
     * original login, also after a refresh: OIDC Core 12.2), {@code nonce} when the authentication
     * request had one, {@code at_hash}, {@code sid} (the login's session), and the end-user's claims.
     *
     * @param nonce the request's nonce, or null (and always null on refresh, OIDC Core 12.2)
     */
    String create(Grant grant, String accessToken, String nonce) {
        Instant now = clock.instant();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.issuer().toString());
        claims.setAudience(grant.clientId());
        claims.setClaim("azp", grant.clientId());
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setClaim("auth_time", grant.authTime().getEpochSecond());
        if (nonce != null) {
            claims.setClaim("nonce", nonce);
        }
        claims.setClaim("at_hash", atHash(accessToken));
        // Back-Channel Logout 1.0 §2.1: the session a logout token names; one login is one session here.
        claims.setClaim("sid", grant.id());
        grant.user().claims().forEach(claims::setClaim);
        return keys.sign(claims);
    }

    /**
     * OIDC Core 3.1.3.6: the base64url encoding of the left half of the SHA-256 hash (the hash of
     * RS256) of the ASCII octets of the access token.
     */
    static String atHash(String accessToken) {
        byte[] hash = Sha256.of(accessToken);
        return Base64Url.encode(Arrays.copyOf(hash, hash.length / 2));
    }
}
