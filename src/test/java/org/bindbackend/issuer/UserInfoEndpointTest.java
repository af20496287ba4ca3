package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The UserInfo endpoint (OIDC Core 5.3, RFC 6750 §2 and §3). */
class UserInfoEndpointTest {

    private final ProviderHarness harness = new ProviderHarness();

    @Test
    void aLiveAccessTokenInTheHeaderReturnsTheClaims() {
        HttpReply reply = harness.userInfo(harness.tokens().getString("access_token"));

        assertEquals(200, reply.status());
        assertEquals(HttpReply.JSON, reply.mediaType());
        assertEquals("no-store", reply.headers().get("Cache-Control"));
        JsonObject expected = Json.createObjectBuilder()
                .add("sub", "alice")
                .add("name", "alice")
                .add("preferred_username", "alice")
                .add("email", "alice@bind-backend.invalid")
                .add("email_verified", false)
                .add("groups", Json.createArrayBuilder().add("admins").add("developers"))
                .build();
        assertEquals(expected, TestFixtures.json(reply));
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        String accessToken = harness.tokens().getString("access_token");

        assertEquals(200, harness.provider.userInfo("bearer " + accessToken, RequestParameters.none()).status());
    }

    @Test
    void aLiveAccessTokenInTheFormBodyReturnsTheClaims() {
        String accessToken = harness.tokens().getString("access_token");
        HttpReply reply = harness.provider.userInfo(null, TestFixtures.params(Map.of("access_token", accessToken)));

        assertEquals(200, reply.status());
        assertEquals("alice", TestFixtures.json(reply).getString("sub"));
    }

    @Test
    void noTokenGetsAChallengeWithoutErrorCode() {
        HttpReply reply = harness.provider.userInfo(null, RequestParameters.none());
        HttpReply otherScheme = harness.provider.userInfo("Basic YTpi", RequestParameters.none());

        assertEquals(401, reply.status());
        assertEquals("Bearer", reply.headers().get("WWW-Authenticate"));
        assertEquals(Json.createObjectBuilder().build(), TestFixtures.json(reply));
        assertEquals("Bearer", otherScheme.headers().get("WWW-Authenticate"));
    }

    @Test
    void anExpiredAccessTokenIsAnInvalidToken() {
        String accessToken = harness.tokens().getString("access_token");
        harness.clock.advance(Duration.ofMinutes(9));
        assertEquals(200, harness.userInfo(accessToken).status());
        harness.clock.advance(Duration.ofMinutes(1));

        HttpReply reply = harness.userInfo(accessToken);
        assertEquals(401, reply.status());
        String challenge = reply.headers().get("WWW-Authenticate");
        assertEquals("Bearer error=\"invalid_token\", error_description=\"The access token is unknown, expired or "
                + "revoked.\"", challenge);
    }

    @Test
    void anUnknownTokenIsAnInvalidToken() {
        HttpReply reply = harness.userInfo("made-up");

        assertEquals(401, reply.status());
        assertEquals("invalid_token", TestFixtures.json(reply).getString("error"));
    }

    @Test
    void aTokenInBothPlacesIsAnInvalidRequest() {
        String accessToken = harness.tokens().getString("access_token");
        HttpReply reply = harness.provider.userInfo("Bearer " + accessToken,
                TestFixtures.params(Map.of("access_token", accessToken)));

        assertEquals(400, reply.status());
        assertFalse(reply.headers().get("WWW-Authenticate").contains("invalid_token"));
        assertEquals("invalid_request", TestFixtures.json(reply).getString("error"));
    }
}
