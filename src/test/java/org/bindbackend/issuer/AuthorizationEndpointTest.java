package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The authorization endpoint (OIDC Core 3.1.2, RFC 6749 §4.1.1, §4.1.2.1). */
class AuthorizationEndpointTest {

    private final ProviderHarness harness = new ProviderHarness();

    /** An error page: HTML with the status, and no redirect. */
    private static void assertErrorPageWithoutRedirect(HttpReply reply, int status) {
        assertEquals(status, reply.status());
        assertEquals(HttpReply.HTML, reply.mediaType());
        assertTrue(!reply.headers().containsKey("Location"), "must not redirect");
        assertTrue(reply.body().contains("<title>"), reply.body());
    }

    /** The error sent back on the redirect URI. */
    private static Map<String, String> redirectedError(HttpReply reply) {
        assertEquals(303, reply.status());
        String location = reply.headers().get("Location");
        assertTrue(location.startsWith(TestFixtures.REDIRECT_URI + "?"), location);
        return TestFixtures.query(location);
    }

    @Test
    void aValidRequestShowsTheLoginForm() {
        HttpReply reply = harness.authorize(harness.authorizationRequest());

        assertEquals(200, reply.status());
        assertEquals(HttpReply.HTML, reply.mediaType());
        assertEquals("no-store", reply.headers().get("Cache-Control"));
        assertTrue(!reply.headers().containsKey("Location"));
        assertEquals(43, ProviderHarness.transactionOf(reply).length());
        assertFalse(reply.body().contains(ProviderHarness.NONCE), "the request stays server-side");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080/callback/", "http://localhost:8081/callback",
        "http://evil.example:8080/callback", "https://localhost:8080/callback", "http://localhost:8080/Callback",
        "http://localhost:8080/callback?x=1", "http://localhost:8080/callback#x"})
    void aRedirectUriThatIsNotExactlyTheRegisteredOneGetsAPageNeverARedirect(String redirectUri) {
        Map<String, String> request = harness.authorizationRequest();
        request.put("redirect_uri", redirectUri);

        assertErrorPageWithoutRedirect(harness.authorize(request), 400);
    }

    @Test
    void aMissingRedirectUriOrAnUnknownClientGetsAPageNeverARedirect() {
        Map<String, String> noRedirectUri = harness.authorizationRequest();
        noRedirectUri.remove("redirect_uri");
        Map<String, String> unknownClient = harness.authorizationRequest();
        unknownClient.put("client_id", "someone-else");
        Map<String, String> noClient = harness.authorizationRequest();
        noClient.remove("client_id");

        assertErrorPageWithoutRedirect(harness.authorize(noRedirectUri), 400);
        assertErrorPageWithoutRedirect(harness.authorize(unknownClient), 400);
        assertErrorPageWithoutRedirect(harness.authorize(noClient), 400);
    }

    @Test
    void aRepeatedRedirectUriGetsAPageNeverARedirect() {
        Map<String, List<String>> request = new LinkedHashMap<>();
        harness.authorizationRequest().forEach((name, value) -> request.put(name, List.of(value)));
        request.put("redirect_uri", List.of(TestFixtures.REDIRECT_URI.toString(), "http://evil.example/"));

        assertErrorPageWithoutRedirect(harness.provider.authorize(RequestParameters.of(request)), 400);
    }

    @Test
    void otherErrorsGoBackToTheRedirectUriWithState() {
        Map<String, String> token = harness.authorizationRequest();
        token.put("response_type", "token");
        Map<String, String> noOpenid = harness.authorizationRequest();
        noOpenid.put("scope", "profile email");
        Map<String, String> promptNone = harness.authorizationRequest();
        promptNone.put("prompt", "none");
        Map<String, String> requestObject = harness.authorizationRequest();
        requestObject.put("request", "eyJhbGciOiJub25lIn0.e30.");
        Map<String, String> fragment = harness.authorizationRequest();
        fragment.put("response_mode", "fragment");
        Map<String, String> noResponseType = harness.authorizationRequest();
        noResponseType.remove("response_type");

        assertEquals("unsupported_response_type", redirectedError(harness.authorize(token)).get("error"));
        assertEquals("invalid_scope", redirectedError(harness.authorize(noOpenid)).get("error"));
        assertEquals("login_required", redirectedError(harness.authorize(promptNone)).get("error"));
        assertEquals("request_not_supported", redirectedError(harness.authorize(requestObject)).get("error"));
        assertEquals("invalid_request", redirectedError(harness.authorize(fragment)).get("error"));
        Map<String, String> response = redirectedError(harness.authorize(noResponseType));
        assertEquals("invalid_request", response.get("error"));
        assertEquals(ProviderHarness.STATE, response.get("state"));
        assertFalse(response.get("error_description").isBlank());
    }

    @Test
    void aRepeatedStateIsRefusedWithoutState() {
        Map<String, List<String>> request = new LinkedHashMap<>();
        harness.authorizationRequest().forEach((name, value) -> request.put(name, List.of(value)));
        request.put("state", List.of("one", "two"));

        Map<String, String> response = redirectedError(harness.provider.authorize(RequestParameters.of(request)));
        assertEquals("invalid_request", response.get("error"));
        assertNull(response.get("state"));
    }

    @Test
    void unsupportedScopesAreIgnored() {
        Map<String, String> request = harness.authorizationRequest();
        request.put("scope", "openid admin email offline_access");

        String code = harness.logIn(request, "alice", "");
        assertEquals("openid email", TestFixtures.json(harness.token(harness.codeExchange(code))).getString("scope"));
    }

    @Test
    void everythingEchoedIsEscaped() {
        Map<String, String> request = harness.authorizationRequest();
        request.put("login_hint", "\"><script>alert(1)</script>");

        String page = harness.authorize(request).body();
        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), page);
    }

    @Test
    void aFullLoginFormStoreForgetsTheOldestForm() {
        IssuerLimits one = new IssuerLimits(Duration.ofMinutes(10), Duration.ofSeconds(60), Duration.ofMinutes(10),
                Duration.ofMinutes(10), Duration.ofMinutes(60), 1);
        ProviderHarness small = new ProviderHarness(TestFixtures.config(), one);
        String first = ProviderHarness.transactionOf(small.authorize(small.authorizationRequest()));

        HttpReply second = small.authorize(small.authorizationRequest());
        assertEquals(200, second.status());
        assertEquals(400, small.login(first, "alice", "").status(), "the oldest form is forgotten");
        assertEquals(303, small.login(ProviderHarness.transactionOf(second), "alice", "").status());
    }
}
