package org.bindbackend.issuer;

import java.time.Instant;

/**
 * What one login granted one client: the code, and the access and refresh tokens obtained with it
 * and by refreshing, all carry the same grant (and its {@code id}), so they can be revoked together.
 *
 * @param id       a random identifier of this grant
 * @param clientId the client it was granted to
 * @param user     the end-user who logged in
 * @param scope    the granted scope
 * @param authTime when the end-user logged in (OIDC Core 2, {@code auth_time})
 */
record Grant(String id, String clientId, EndUser user, String scope, Instant authTime) {

    /** The same grant with a narrower {@code scope} (RFC 6749 §6). */
    Grant withScope(String narrowerScope) {
        return new Grant(id, clientId, user, narrowerScope, authTime);
    }
}
