package org.bindbackend.issuer;

import java.time.Duration;
import java.util.Objects;

/**
 * How long what the provider hands out stays valid, and how much it keeps in memory.
 *
 * @param loginFormLifetime         how long a login form (its login transaction) can be submitted
 * @param authorizationCodeLifetime how long a code can be exchanged (RFC 6749 §4.1.2: short lived)
 * @param accessTokenLifetime       lifetime of access tokens, sent as {@code expires_in} (RFC 6749 §5.1)
 * @param idTokenLifetime           time between an ID token's {@code iat} and {@code exp} (OIDC Core 2)
 * @param refreshTokenLifetime      lifetime of each (rotated) refresh token (RFC 6749 §6)
 * @param maxEntriesPerStore        how many live entries each in-memory store may hold
 */
public record IssuerLimits(Duration loginFormLifetime, Duration authorizationCodeLifetime,
        Duration accessTokenLifetime, Duration idTokenLifetime, Duration refreshTokenLifetime,
        int maxEntriesPerStore) {

    /** Ten minutes to log in, 60 s codes, 10 min access and ID tokens, 60 min refresh tokens, 10,000 entries. */
    public static final IssuerLimits DEFAULTS = new IssuerLimits(Duration.ofMinutes(10), Duration.ofSeconds(60),
            Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(60), 10_000);

    /** Refuses lifetimes that are not positive and stores that could hold nothing. */
    public IssuerLimits {
        for (Duration lifetime : new Duration[] {loginFormLifetime, authorizationCodeLifetime, accessTokenLifetime,
                idTokenLifetime, refreshTokenLifetime}) {
            if (Objects.requireNonNull(lifetime, "lifetime").isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("lifetimes must be positive: " + lifetime);
            }
        }
        if (maxEntriesPerStore < 1) {
            throw new IllegalArgumentException("maxEntriesPerStore must be positive: " + maxEntriesPerStore);
        }
    }
}
