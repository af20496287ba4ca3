package org.bindbackend.backchannel;

import java.time.Instant;

/**
 * A verified logout token (OpenID Connect Back-Channel Logout 1.0 §2.4): who issued it, what it ends, and the id
 * that makes it usable once.
 *
 * @param issuer   its {@code iss}: the provider's issuer
 * @param subject  its {@code sub}, or empty
 * @param session  its {@code sid}, or empty; at least one of the two is there
 * @param id       its {@code jti}
 * @param issuedAt its {@code iat}
 */
record LogoutToken(String issuer, String subject, String session, String id, Instant issuedAt) {
}
