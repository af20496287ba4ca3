package org.bindbackend.issuer;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.bindbackend.shared.JsonBuilders;

/**
 * The provider metadata (OIDC Discovery 1.0 §3, RP-Initiated Logout 1.0 §2.1, Back-Channel Logout 1.0 §2.1,
 * RFC 8414 §2 for PKCE).
 */
final class DiscoveryDocument {

    /** The claims an ID token can carry (OIDC Core 2, 3.1.3.6, 5.1) plus {@code groups}. */
    static final List<String> CLAIMS = List.of("iss", "sub", "aud", "azp", "exp", "iat", "auth_time", "nonce",
            "at_hash", "sid", "name", "preferred_username", "email", "email_verified", "groups");

    private DiscoveryDocument() {
    }

    /** The metadata of the provider of {@code config}, every endpoint URL built from its issuer. */
    static JsonObject of(IssuerConfig config) {
        URI issuer = config.issuer();
        return JsonBuilders.object()
                .add("issuer", issuer.toString())
                .add("authorization_endpoint", OidcPaths.url(issuer, OidcPaths.AUTHORIZE).toString())
                .add("token_endpoint", OidcPaths.url(issuer, OidcPaths.TOKEN).toString())
                .add("userinfo_endpoint", OidcPaths.url(issuer, OidcPaths.USERINFO).toString())
                .add("jwks_uri", OidcPaths.url(issuer, OidcPaths.JWKS).toString())
                .add("end_session_endpoint", OidcPaths.url(issuer, OidcPaths.END_SESSION).toString())
                .add("response_types_supported", array(List.of("code")))
                .add("response_modes_supported", array(List.of("query")))
                .add("grant_types_supported", array(List.of("authorization_code", "refresh_token")))
                .add("subject_types_supported", array(List.of("public")))
                .add("id_token_signing_alg_values_supported", array(List.of("RS256")))
                .add("scopes_supported", array(Scopes.SUPPORTED))
                .add("claims_supported", array(CLAIMS))
                .add("token_endpoint_auth_methods_supported",
                        array(List.of("client_secret_basic", "client_secret_post")))
                .add("code_challenge_methods_supported", array(List.of(Pkce.S256)))
                // Back-Channel Logout 1.0 §2.1: logout tokens are sent, and name the session (sid).
                .add("backchannel_logout_supported", true)
                .add("backchannel_logout_session_supported", true)
                .add("claims_parameter_supported", false)
                .add("request_parameter_supported", false)
                .add("request_uri_parameter_supported", false)
                .build();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = JsonBuilders.array();
        values.forEach(array::add);
        return array;
    }
}
