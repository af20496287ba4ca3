package org.bindbackend.login.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.bindbackend.config.Secret;
import org.junit.jupiter.api.Test;

class ContainerTokenRequestTest {

    static final String KEY = "relay-key_0123456789abcdefghijklmnopqrstuvw";
    static final Secret REAL = new Secret("real secret+/=&");
    static final String EXCHANGE = "grant_type=authorization_code&code=c-1&redirect_uri=https%3A%2F%2Fb%2Fapi%2Fcallback";

    static Optional<ContainerTokenRequest> read(String authorization, String body) {
        return ContainerTokenRequest.read(authorization, body.getBytes(StandardCharsets.US_ASCII));
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theKeyInTheFormBecomesTheRealSecretThere() {
        ContainerTokenRequest request = read(null, EXCHANGE + "&client_id=bind&client_secret=" + KEY).orElseThrow();

        assertTrue(request.authenticatedBy(KEY));
        assertTrue(request.isCodeExchange());
        assertEquals("c-1", request.code());
        String sent = request.formForProvider("bind", REAL, false, Optional.of("verifier-1"));
        assertEquals(EXCHANGE + "&client_id=bind&code_verifier=verifier-1&client_secret=real+secret%2B%2F%3D%26", sent);
        assertFalse(sent.contains(KEY));
        assertTrue(request.authorizationForProvider("bind", REAL, false).isEmpty());
    }

    @Test
    void theKeyInABasicHeaderBecomesTheRealSecretThere() {
        ContainerTokenRequest request = read(basic("bind", KEY), EXCHANGE).orElseThrow();

        assertTrue(request.authenticatedBy(KEY));
        assertEquals(EXCHANGE, request.formForProvider("bind", REAL, false, Optional.empty()));
        // RFC 6749 §2.3.1: the id and the secret are form-encoded before Basic.
        assertEquals(Optional.of(basic("bind", "real+secret%2B%2F%3D%26")),
                request.authorizationForProvider("bind", REAL, false));
    }

    @Test
    void aPublicClientSendsItsIdAndNoSecretWhateverTheContainerUsed() {
        for (ContainerTokenRequest request : new ContainerTokenRequest[] {
                read(null, EXCHANGE + "&client_secret=" + KEY).orElseThrow(),
                read(basic("bind", KEY), EXCHANGE).orElseThrow()}) {
            assertTrue(request.authenticatedBy(KEY));
            assertEquals(EXCHANGE + "&client_id=bind", request.formForProvider("bind", new Secret(""), true,
                    Optional.empty()));
            assertTrue(request.authorizationForProvider("bind", new Secret(""), true).isEmpty());
        }
    }

    @Test
    void withoutTheKeyByExactlyOneMethodTheRequestIsNotAuthenticated() {
        assertFalse(read(null, EXCHANGE).orElseThrow().authenticatedBy(KEY), "no secret");
        assertFalse(read(null, EXCHANGE + "&client_secret=").orElseThrow().authenticatedBy(KEY), "blank");
        assertFalse(read(null, EXCHANGE + "&client_secret=" + KEY.substring(1)).orElseThrow().authenticatedBy(KEY));
        assertFalse(read(null, EXCHANGE + "&client_secret=" + KEY + "x").orElseThrow().authenticatedBy(KEY));
        assertFalse(read(basic("bind", "other"), EXCHANGE).orElseThrow().authenticatedBy(KEY));
        assertFalse(read(basic("bind", KEY), EXCHANGE + "&client_secret=" + KEY).orElseThrow().authenticatedBy(KEY),
                "two methods at once (RFC 6749 §2.3)");
    }

    @Test
    void whatIsNotAFormOrBasicAuthenticationIsNoTokenRequest() {
        assertTrue(read(null, "code=%zz").isEmpty(), "malformed percent-encoding");
        assertTrue(read("Bearer " + KEY, EXCHANGE).isEmpty(), "not Basic");
        assertTrue(read("Basic not*base64", EXCHANGE).isEmpty());
        assertTrue(read("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                EXCHANGE).isEmpty());
        assertTrue(ContainerTokenRequest.read(null, null).isEmpty(), "no body");
    }
}
