package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider metadata (OIDC Discovery 1.0 §3). */
class DiscoveryDocumentTest {

    private final HttpReply reply = new ProviderHarness().provider.discovery();
    private final JsonObject metadata = TestFixtures.json(reply);

    private static JsonArray array(String... values) {
        return Json.createArrayBuilder(List.of(values)).build();
    }

    @Test
    void isJson() {
        assertEquals(200, reply.status());
        assertEquals(HttpReply.JSON, reply.mediaType());
    }

    @Test
    void buildsEveryEndpointFromTheIssuer() {
        assertEquals("http://localhost:8080/oidc", metadata.getString("issuer"));
        assertEquals("http://localhost:8080/oidc/authorize", metadata.getString("authorization_endpoint"));
        assertEquals("http://localhost:8080/oidc/token", metadata.getString("token_endpoint"));
        assertEquals("http://localhost:8080/oidc/userinfo", metadata.getString("userinfo_endpoint"));
        assertEquals("http://localhost:8080/oidc/.well-known/jwks.json", metadata.getString("jwks_uri"));
        assertEquals("http://localhost:8080/oidc/end-session", metadata.getString("end_session_endpoint"));
    }

    @Test
    void advertisesTheCodeFlowOnly() {
        assertEquals(array("code"), metadata.getJsonArray("response_types_supported"));
        assertEquals(array("query"), metadata.getJsonArray("response_modes_supported"));
        assertEquals(array("authorization_code", "refresh_token"), metadata.getJsonArray("grant_types_supported"));
        assertEquals(array("public"), metadata.getJsonArray("subject_types_supported"));
        assertEquals(array("RS256"), metadata.getJsonArray("id_token_signing_alg_values_supported"));
        assertEquals(array("openid", "profile", "email", "groups"), metadata.getJsonArray("scopes_supported"));
        assertEquals(array("client_secret_basic", "client_secret_post"),
                metadata.getJsonArray("token_endpoint_auth_methods_supported"));
        assertEquals(array("S256"), metadata.getJsonArray("code_challenge_methods_supported"));
        assertFalse(metadata.getBoolean("request_uri_parameter_supported"));
        assertFalse(metadata.getBoolean("request_parameter_supported"));
    }

    @Test
    void listsTheClaimsOfTheIdToken() {
        List<String> claims = metadata.getJsonArray("claims_supported").getValuesAs(JsonString::getString);
        assertEquals(List.of("iss", "sub", "aud", "azp", "exp", "iat", "auth_time", "nonce", "at_hash", "sid", "name",
                "preferred_username", "email", "email_verified", "groups"), claims);
    }
}
