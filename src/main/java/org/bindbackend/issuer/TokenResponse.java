package org.bindbackend.issuer;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import java.util.Map;

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

    /** Made once: each {@code Json.createObjectBuilder()} call would look the JSON-P provider up again. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    /** The JSON body. */
    JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("access_token", accessToken)
                .add("token_type", "Bearer")
                .add("expires_in", expiresInSeconds)
                .add("id_token", idToken)
                .add("refresh_token", refreshToken)
                .add("scope", scope)
                .build();
    }
}
