package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The signing key and its published JWK Set. */
class IssuerKeysTest {

    @Test
    void publishesOnePublicRs256SigningKey() {
        JsonObject jwks = TestFixtures.json(TestFixtures.keys().publicJwksJson());

        assertEquals(1, jwks.getJsonArray("keys").size());
        JsonObject key = jwks.getJsonArray("keys").getJsonObject(0);
        assertEquals("RSA", key.getString("kty"));
        assertEquals("RS256", key.getString("alg"));
        assertEquals("sig", key.getString("use"));
        assertEquals(43, key.getString("kid").length(), "a random kid");
        assertTrue(key.containsKey("n") && key.containsKey("e"));
        for (String privateMember : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertFalse(key.containsKey(privateMember), privateMember);
        }
    }

    @Test
    void eachInstanceHasItsOwnKey() {
        assertNotEquals(TestFixtures.keys().publicJwksJson(), TestFixtures.newKeys().publicJwksJson());
    }

    @Test
    void theProviderPublishesTheKeys() {
        HttpReply jwks = new ProviderHarness().provider.jwks();

        assertEquals(HttpReply.JSON, jwks.mediaType());
        assertEquals(TestFixtures.keys().publicJwksJson(), jwks.body());
    }
}
