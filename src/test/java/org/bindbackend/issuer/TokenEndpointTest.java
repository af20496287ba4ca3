package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token endpoint (RFC 6749 §5, OIDC Core 3.1.3). */
class TokenEndpointTest {

    private final ProviderHarness harness = new ProviderHarness();

    @Test
    void aSuccessfulResponseHasEveryTokenAndIsNotCacheable() {
        HttpReply reply = harness.token(harness.codeExchange(harness.logIn()));

        assertEquals(200, reply.status());
        assertEquals(HttpReply.JSON, reply.mediaType());
        assertEquals("no-store", reply.headers().get("Cache-Control"));
        assertEquals("no-cache", reply.headers().get("Pragma"));
        JsonObject tokens = TestFixtures.json(reply);
        assertEquals("Bearer", tokens.getString("token_type"));
        assertEquals(600, tokens.getInt("expires_in"));
        assertEquals("openid profile email", tokens.getString("scope"));
        assertEquals(43, tokens.getString("access_token").length());
        assertEquals(43, tokens.getString("refresh_token").length());
        assertEquals(3, tokens.getString("id_token").split("\\.").length);
    }

    @Test
    void clientSecretBasicWorksForTheExchange() {
        Map<String, String> form = harness.codeExchange(harness.logIn());
        form.remove("client_id");
        form.remove("client_secret");
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                "bind-backend:client-secret".getBytes(StandardCharsets.UTF_8));

        assertEquals(200, harness.provider.token(basic, TestFixtures.params(form)).status());
    }

    @Test
    void errorsAreJsonAndNotCacheable() {
        Map<String, String> form = harness.codeExchange("unknown");
        form.put("grant_type", "password");
        HttpReply reply = harness.token(form);

        assertEquals(400, reply.status());
        assertEquals(HttpReply.JSON, reply.mediaType());
        assertEquals("no-store", reply.headers().get("Cache-Control"));
        assertEquals("no-cache", reply.headers().get("Pragma"));
        JsonObject error = TestFixtures.json(reply);
        assertEquals("unsupported_grant_type", error.getString("error"));
        assertTrue(error.getString("error_description").contains("authorization_code and refresh_token"));
        assertTrue(!reply.headers().containsKey("WWW-Authenticate"));
    }

    @Test
    void aMissingGrantTypeIsAnInvalidRequest() {
        Map<String, String> form = harness.codeExchange("unknown");
        form.remove("grant_type");

        assertEquals("invalid_request", TestFixtures.json(harness.token(form)).getString("error"));
    }

    @Test
    void aFullStoreForgetsItsOldestTokensAndGoesOnIssuing() {
        IssuerLimits one = new IssuerLimits(Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofMinutes(10),
                Duration.ofMinutes(10), Duration.ofMinutes(60), 1);
        ProviderHarness small = new ProviderHarness(TestFixtures.config(), one);
        String first = TestFixtures.json(small.token(small.codeExchange(small.logIn()))).getString("access_token");

        HttpReply second = small.token(small.codeExchange(small.logIn()));
        assertEquals(200, second.status());
        assertEquals(401, small.userInfo(first).status(), "the oldest token is forgotten");
        assertEquals(200, small.userInfo(TestFixtures.json(second).getString("access_token")).status());
    }
}
