package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The end-session endpoint (RP-Initiated Logout 1.0). */
class EndSessionEndpointTest {

    private final ProviderHarness harness = new ProviderHarness();

    private HttpReply endSession(Map<String, String> request) {
        return harness.provider.endSession(TestFixtures.params(request), null);
    }

    private static void assertErrorPageWithoutRedirect(HttpReply reply) {
        assertEquals(400, reply.status());
        assertEquals(HttpReply.HTML, reply.mediaType());
        assertTrue(!reply.headers().containsKey("Location"), "must not redirect");
    }

    @Test
    void aRegisteredPostLogoutRedirectUriIsFollowedWithState() {
        HttpReply reply = endSession(Map.of(
                "post_logout_redirect_uri", TestFixtures.POST_LOGOUT_REDIRECT_URI.toString(),
                "state", "after logout"));

        assertEquals(303, reply.status());
        assertEquals("http://localhost:8080/logged-out?state=after+logout", reply.headers().get("Location"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/logged-out/", "http://evil.example/logged-out",
        "http://localhost:8080/callback", "http://localhost:9090/logged-out"})
    void anUnregisteredPostLogoutRedirectUriGetsAPageNeverARedirect(String uri) {
        assertErrorPageWithoutRedirect(endSession(Map.of("post_logout_redirect_uri", uri)));
    }

    @Test
    void withoutRedirectUriTheLoggedOutPageIsShown() {
        HttpReply reply = endSession(Map.of());

        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("You are logged out"), reply.body());
    }

    @Test
    void aValidIdTokenHintRevokesTheTokensOfThatLogin() {
        JsonObject tokens = harness.tokens();
        Map<String, String> request = new LinkedHashMap<>();
        request.put("id_token_hint", tokens.getString("id_token"));
        request.put("client_id", TestFixtures.CLIENT_ID);
        request.put("post_logout_redirect_uri", TestFixtures.POST_LOGOUT_REDIRECT_URI.toString());

        assertEquals(303, endSession(request).status());
        assertEquals(401, harness.userInfo(tokens.getString("access_token")).status());
        assertEquals(400, harness.token(harness.refresh(tokens.getString("refresh_token"))).status());
    }

    @Test
    void anExpiredIdTokenHintIsAccepted() {
        JsonObject tokens = harness.tokens();
        harness.clock.advance(Duration.ofHours(3));

        assertEquals(200, endSession(Map.of("id_token_hint", tokens.getString("id_token"))).status());
    }

    @Test
    void aHintNotSignedByThisProviderIsRefused() {
        IssuerKeys otherKeys = TestFixtures.newKeys();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestFixtures.ISSUER.toString());
        claims.setAudience(TestFixtures.CLIENT_ID);
        claims.setSubject("alice");
        JsonObject tokens = harness.tokens();

        assertErrorPageWithoutRedirect(endSession(Map.of("id_token_hint", otherKeys.sign(claims))));
        assertErrorPageWithoutRedirect(endSession(Map.of("id_token_hint", "not-a-jwt")));
        assertEquals(200, harness.userInfo(tokens.getString("access_token")).status(), "nothing revoked");
    }

    @Test
    void aHintForAnotherAudienceOrAnotherClientIdIsRefused() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestFixtures.ISSUER.toString());
        claims.setAudience("another-client");
        claims.setSubject("alice");

        assertErrorPageWithoutRedirect(endSession(Map.of("id_token_hint", TestFixtures.keys().sign(claims))));
        assertErrorPageWithoutRedirect(endSession(Map.of("client_id", "another-client")));
    }
}
