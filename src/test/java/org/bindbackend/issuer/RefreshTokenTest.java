package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bindbackend.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** The refresh_token grant with rotation (RFC 6749 §6, OIDC Core 12). */
class RefreshTokenTest {

    private final ProviderHarness harness = new ProviderHarness();

    private static String error(HttpReply reply) {
        return TestFixtures.json(reply).getString("error");
    }

    @Test
    void aRefreshRotatesTheRefreshTokenAndRefusesTheOldOne() {
        JsonObject first = harness.tokens();
        HttpReply reply = harness.token(harness.refresh(first.getString("refresh_token")));

        assertEquals(200, reply.status());
        JsonObject second = TestFixtures.json(reply);
        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
        assertNotEquals(first.getString("access_token"), second.getString("access_token"));
        assertEquals(200, harness.userInfo(second.getString("access_token")).status());
        assertEquals("invalid_grant", error(harness.token(harness.refresh(first.getString("refresh_token")))));
        assertEquals(200, harness.token(harness.refresh(second.getString("refresh_token"))).status());
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        String refreshToken = harness.tokens().getString("refresh_token");
        harness.clock.advance(Duration.ofMinutes(60));

        assertEquals("invalid_grant", error(harness.token(harness.refresh(refreshToken))));
    }

    @Test
    void aRefreshTokenStillWorksJustBeforeItExpires() {
        String refreshToken = harness.tokens().getString("refresh_token");
        harness.clock.advance(Duration.ofMinutes(59));

        assertEquals(200, harness.token(harness.refresh(refreshToken)).status());
    }

    @Test
    void theScopeCanBeNarrowedButNotWidened() {
        JsonObject first = harness.tokens();
        Map<String, String> narrower = harness.refresh(first.getString("refresh_token"));
        narrower.put("scope", "openid");
        JsonObject narrowed = TestFixtures.json(harness.token(narrower));
        assertEquals("openid", narrowed.getString("scope"));

        Map<String, String> wider = harness.refresh(narrowed.getString("refresh_token"));
        wider.put("scope", "openid profile email admin");
        assertEquals("invalid_scope", error(harness.token(wider)));
    }

    @Test
    void theRotatedRefreshTokenKeepsTheOriginalScope() {
        JsonObject first = harness.tokens();
        Map<String, String> narrower = harness.refresh(first.getString("refresh_token"));
        narrower.put("scope", "openid");
        JsonObject narrowed = TestFixtures.json(harness.token(narrower));

        JsonObject again = TestFixtures.json(harness.token(harness.refresh(narrowed.getString("refresh_token"))));
        assertEquals("openid profile email", again.getString("scope"));
    }

    @Test
    void aRefreshTokenOfAnotherClientIsRefused() {
        MutableClock clock = harness.clock;
        IssuedTokens tokens = new IssuedTokens(new BoundedExpiringStore<>("access tokens", Duration.ofMinutes(10), 10,
                clock), new BoundedExpiringStore<>("refresh tokens", Duration.ofMinutes(60), 10, clock));
        TokenIssuer issuer = new TokenIssuer(tokens,
                new IdTokenFactory(TestFixtures.config(), TestFixtures.keys(), clock, Duration.ofMinutes(10)),
                Duration.ofMinutes(10));
        RefreshTokenGrantHandler handler = new RefreshTokenGrantHandler(tokens, issuer);
        String refreshToken = tokens.issueRefreshToken(new Grant("grant-1", "bind-backend",
                new EndUser("alice", List.of()), "openid", clock.instant()));

        OAuthException refusal = assertThrows(OAuthException.class,
                () -> handler.handle("other-client", TestFixtures.params(Map.of("refresh_token", refreshToken))));
        assertEquals(OAuthError.INVALID_GRANT, refusal.error());
    }
}
