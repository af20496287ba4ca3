package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Authorization codes: single use, short lived, bound to client and redirect URI (RFC 6749 §4.1.2, §4.1.3). */
class AuthorizationCodeTest {

    private final ProviderHarness harness = new ProviderHarness();

    private static String error(HttpReply reply) {
        return TestFixtures.json(reply).getString("error");
    }

    @Test
    void aCodeWorksOnceAndItsSecondUseRevokesTheTokensOfTheFirst() {
        String code = harness.logIn();
        HttpReply first = harness.token(harness.codeExchange(code));
        assertEquals(200, first.status());
        JsonObject tokens = TestFixtures.json(first);
        assertEquals(200, harness.userInfo(tokens.getString("access_token")).status());

        HttpReply second = harness.token(harness.codeExchange(code));

        assertEquals(400, second.status());
        assertEquals("invalid_grant", error(second));
        assertEquals(401, harness.userInfo(tokens.getString("access_token")).status());
        assertEquals("invalid_grant", error(harness.token(harness.refresh(tokens.getString("refresh_token")))));
    }

    @Test
    void aSecondUseAlsoRevokesTokensObtainedByRefreshing() {
        String code = harness.logIn();
        JsonObject first = TestFixtures.json(harness.token(harness.codeExchange(code)));
        JsonObject refreshed = TestFixtures.json(harness.token(harness.refresh(first.getString("refresh_token"))));

        harness.token(harness.codeExchange(code));

        assertEquals(401, harness.userInfo(refreshed.getString("access_token")).status());
        assertEquals("invalid_grant", error(harness.token(harness.refresh(refreshed.getString("refresh_token")))));
    }

    @Test
    void concurrentExchangesOfOneCodeYieldOneSuccess() throws Exception {
        String code = harness.logIn();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<HttpReply>> exchanges = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                exchanges.add(() -> harness.token(harness.codeExchange(code)));
            }
            int successes = 0;
            for (Future<HttpReply> reply : threads.invokeAll(exchanges)) {
                successes += reply.get().status() == 200 ? 1 : 0;
            }
            assertEquals(1, successes);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCodeExpiresAfterSixtySeconds() {
        String fresh = harness.logIn();
        String stale = harness.logIn();

        harness.clock.advance(Duration.ofSeconds(59));
        assertEquals(200, harness.token(harness.codeExchange(fresh)).status());
        harness.clock.advance(Duration.ofSeconds(1));
        HttpReply expired = harness.token(harness.codeExchange(stale));

        assertEquals(400, expired.status());
        assertEquals("invalid_grant", error(expired));
    }

    @Test
    void theRedirectUriMustRepeatTheAuthorizationRequests() {
        Map<String, String> otherUri = harness.codeExchange(harness.logIn());
        otherUri.put("redirect_uri", "http://localhost:8080/callback/");
        Map<String, String> noUri = harness.codeExchange(harness.logIn());
        noUri.remove("redirect_uri");

        assertEquals("invalid_grant", error(harness.token(otherUri)));
        assertEquals("invalid_request", error(harness.token(noUri)));
    }

    @Test
    void anUnknownCodeIsRefused() {
        assertEquals("invalid_grant", error(harness.token(harness.codeExchange("no-such-code"))));
    }
}
