package org.bindbackend.issuer;

import jakarta.json.JsonObject;
import org.bindbackend.shared.JsonBuilders;

/**
 * A successful token response (RFC 6749 §5.1, OIDC Core 3.1.3.3).
 *
 * @param accessToken      the opaque access token
 * @param expiresInSeconds the access token's lifetime
 * @param idToken          the signed ID token
 * @param refreshToken     the opaque refresh token
 * @param scope            the scope of the access token
 */
record TokenResponse(String accessToken, long expiresInSeconds, String idToken, String refreshToken, String scope) {


    /** The JSON body. */
    JsonObject toJson() {
        return JsonBuilders.object()
                .add("access_token", accessToken)
                .add("token_type", "Bearer")
                .add("expires_in", expiresInSeconds)
                .add("id_token", idToken)
                .add("refresh_token", refreshToken)
                .add("scope", scope)
                .build();
    }
}
