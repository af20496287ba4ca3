package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client authentication at the token endpoint (RFC 6749 §2.3.1, OIDC Core 9). */
class ClientAuthenticatorTest {

    private final ClientAuthenticator authenticator = new ClientAuthenticator(TestFixtures.config());

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static OAuthError refusal(ClientAuthenticator authenticator, String authorization,
            Map<String, String> form) {
        return assertThrows(OAuthException.class,
                () -> authenticator.authenticate(authorization, TestFixtures.params(form))).error();
    }

    private OAuthError refusal(String authorization, Map<String, String> form) {
        return refusal(authenticator, authorization, form);
    }

    @Test
    void acceptsClientSecretBasic() {
        assertEquals(TestFixtures.CLIENT_ID,
                authenticator.authenticate(basic("bind-backend:client-secret"), TestFixtures.params(Map.of())));
    }

    @Test
    void acceptsClientSecretBasicWithAMatchingClientIdInTheBody() {
        assertEquals(TestFixtures.CLIENT_ID, authenticator.authenticate(basic("bind-backend:client-secret"),
                TestFixtures.params(Map.of("client_id", "bind-backend"))));
    }

    @Test
    void acceptsClientSecretPost() {
        assertEquals(TestFixtures.CLIENT_ID, authenticator.authenticate(null,
                TestFixtures.params(Map.of("client_id", "bind-backend", "client_secret", "client-secret"))));
    }

    @Test
    void refusesBothMethodsAtOnce() {
        assertEquals(OAuthError.INVALID_REQUEST,
                refusal(basic("bind-backend:client-secret"), Map.of("client_secret", "client-secret")));
    }

    @Test
    void refusesAWrongSecret() {
        assertEquals(OAuthError.INVALID_CLIENT, refusal(basic("bind-backend:wrong"), Map.of()));
        assertEquals(OAuthError.INVALID_CLIENT,
                refusal(null, Map.of("client_id", "bind-backend", "client_secret", "client-secre")));
    }

    @Test
    void refusesAnUnknownClient() {
        assertEquals(OAuthError.INVALID_CLIENT, refusal(basic("someone-else:client-secret"), Map.of()));
        assertEquals(OAuthError.INVALID_CLIENT,
                refusal(null, Map.of("client_id", "someone-else", "client_secret", "client-secret")));
    }

    @Test
    void refusesMissingOrMalformedCredentials() {
        assertEquals(OAuthError.INVALID_CLIENT, refusal(null, Map.of()));
        assertEquals(OAuthError.INVALID_CLIENT, refusal(null, Map.of("client_id", "bind-backend")));
        assertEquals(OAuthError.INVALID_CLIENT, refusal("Basic not-base64!", Map.of()));
        assertEquals(OAuthError.INVALID_CLIENT, refusal(basic("no-colon"), Map.of()));
        assertEquals(OAuthError.INVALID_CLIENT, refusal("Bearer abc", Map.of()));
        assertEquals(OAuthError.INVALID_REQUEST,
                refusal(basic("bind-backend:client-secret"), Map.of("client_id", "other")));
    }

    @Test
    void decodesTheFormUrlEncodedIdAndSecretInsideBasic() {
        String clientId = "bind backend:é";
        String secret = "p@ss word:+%/&=";
        ClientAuthenticator special = new ClientAuthenticator(new IssuerConfig(TestFixtures.ISSUER, clientId, secret,
                TestFixtures.REDIRECT_URI, List.of()));
        String encoded = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);

        assertEquals(clientId, special.authenticate(basic(encoded), TestFixtures.params(Map.of())));
        assertEquals(OAuthError.INVALID_CLIENT, refusal(special, basic(clientId + ":" + secret), Map.of()));
    }

    @Test
    void theTokenEndpointAnswersInvalidClientWithABasicChallenge() {
        ProviderHarness harness = new ProviderHarness();
        HttpReply reply = harness.provider.token(basic("bind-backend:wrong"),
                TestFixtures.params(Map.of("grant_type", "authorization_code", "code", "x", "redirect_uri", "y")));

        assertEquals(401, reply.status());
        assertEquals("invalid_client", TestFixtures.json(reply).getString("error"));
        assertEquals(ErrorReplies.BASIC_CHALLENGE, reply.headers().get("WWW-Authenticate"));
        assertEquals("no-store", reply.headers().get("Cache-Control"));
    }
}
