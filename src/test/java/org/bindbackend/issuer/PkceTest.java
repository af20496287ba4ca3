package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** PKCE with S256 only (RFC 7636). */
class PkceTest {

    /** RFC 7636 Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final ProviderHarness harness = new ProviderHarness();

    private Map<String, String> requestWithChallenge() {
        Map<String, String> request = harness.authorizationRequest();
        request.put("code_challenge", CHALLENGE);
        request.put("code_challenge_method", "S256");
        return request;
    }

    private HttpReply exchangeWithVerifier(String code, String verifier) {
        Map<String, String> form = harness.codeExchange(code);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return harness.token(form);
    }

    @Test
    void s256MatchesTheRfcExample() {
        assertEquals(CHALLENGE, Pkce.s256(VERIFIER));
    }

    @Test
    void theRightVerifierIsAccepted() {
        String code = harness.logIn(requestWithChallenge(), "alice", "");

        assertEquals(200, exchangeWithVerifier(code, VERIFIER).status());
    }

    @Test
    void aWrongVerifierIsRefused() {
        String code = harness.logIn(requestWithChallenge(), "alice", "");
        HttpReply reply = exchangeWithVerifier(code, VERIFIER.replace('d', 'e'));

        assertEquals(400, reply.status());
        assertEquals("invalid_grant", TestFixtures.json(reply).getString("error"));
    }

    @Test
    void aMissingVerifierIsRefusedWhenAChallengeWasSent() {
        String code = harness.logIn(requestWithChallenge(), "alice", "");
        HttpReply reply = exchangeWithVerifier(code, null);

        assertEquals(400, reply.status());
        assertEquals("invalid_grant", TestFixtures.json(reply).getString("error"));
    }

    @Test
    void aVerifierIsRefusedWhenNoChallengeWasSent() {
        String code = harness.logIn();
        HttpReply reply = exchangeWithVerifier(code, VERIFIER);

        assertEquals("invalid_grant", TestFixtures.json(reply).getString("error"));
    }

    @Test
    void plainIsRefusedOnTheRedirectUri() {
        Map<String, String> request = requestWithChallenge();
        request.put("code_challenge_method", "plain");
        assertRedirectsWithInvalidRequest(harness.authorize(request));
    }

    @Test
    void aChallengeWithoutMethodIsRefused() {
        Map<String, String> request = requestWithChallenge();
        request.remove("code_challenge_method");
        assertRedirectsWithInvalidRequest(harness.authorize(request));
    }

    @Test
    void aMalformedChallengeOrAMethodWithoutChallengeIsRefused() {
        Map<String, String> shortChallenge = requestWithChallenge();
        shortChallenge.put("code_challenge", "too-short");
        assertRedirectsWithInvalidRequest(harness.authorize(shortChallenge));

        Map<String, String> methodOnly = harness.authorizationRequest();
        methodOnly.put("code_challenge_method", "S256");
        assertRedirectsWithInvalidRequest(harness.authorize(methodOnly));
    }

    @Test
    void wellFormedMeans43To128UnreservedCharacters() {
        assertTrue(Pkce.isWellFormed("a".repeat(43)));
        assertTrue(Pkce.isWellFormed("A-._~9".repeat(21) + "xy"));
        assertFalse(Pkce.isWellFormed("a".repeat(42)));
        assertFalse(Pkce.isWellFormed("a".repeat(129)));
        assertFalse(Pkce.isWellFormed("a".repeat(42) + "+"));
    }

    private static void assertRedirectsWithInvalidRequest(HttpReply reply) {
        assertEquals(303, reply.status());
        Map<String, String> response = TestFixtures.query(reply.headers().get("Location"));
        assertEquals("invalid_request", response.get("error"));
        assertEquals(ProviderHarness.STATE, response.get("state"));
    }
}
