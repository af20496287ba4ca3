package org.bindbackend.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderMetadataTest {

    static final URI SOURCE = URI.create("https://login.example.com/realms/main/.well-known/openid-configuration");
    static final URI CONFIGURED = URI.create("https://login.example.com/realms/main");

    static String document(String issuer) {
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"https://login.example.com/auth\","
                + "\"token_endpoint\":\"https://login.example.com/token\","
                + "\"jwks_uri\":\"https://login.example.com/certs\",\"end_session_endpoint\":\"https://login.example.com/logout\"}";
    }

    @Test
    void readsTheEndpoints() throws Exception {
        ProviderMetadata discovery = ProviderMetadata.parse(document(CONFIGURED.toString()), SOURCE, CONFIGURED);
        assertEquals(URI.create("https://login.example.com/auth"), discovery.authorizationEndpoint());
        assertEquals(URI.create("https://login.example.com/certs"), discovery.jwksUri());
        assertEquals(Optional.of(URI.create("https://login.example.com/logout")), discovery.endSessionEndpoint());
        assertEquals(URI.create("https://login.example.com/token"), discovery.tokenEndpoint());
        assertEquals(Optional.empty(), discovery.userinfoEndpoint());
    }

    @Test
    void refusesAnEndpointThatIsNotAnAbsoluteHttpUrl() {
        for (String bad : new String[] {"/relative", "javascript:alert(1)", "http://[::1", "ftp://login.example.com/x"}) {
            ProviderException e = assertThrows(ProviderException.class, () -> ProviderMetadata.parse(
                    document(CONFIGURED.toString()).replace("https://login.example.com/token", bad), SOURCE, CONFIGURED));
            assertTrue(e.getMessage().contains("token_endpoint"), e.getMessage());
        }
    }

    @Test
    void keepsTheProvidersOwnSpellingOfItsIssuerWhenOnlyATrailingSlashDiffers() throws Exception {
        ProviderMetadata discovery = ProviderMetadata.parse(document(CONFIGURED + "/"), SOURCE, CONFIGURED);
        assertEquals(URI.create(CONFIGURED + "/"), discovery.issuer());
    }

    @Test
    void refusesAnotherIssuer() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> ProviderMetadata.parse(document("https://evil.example.com"), SOURCE, CONFIGURED));
        assertEquals(ProviderException.Kind.BAD_RESPONSE, e.kind());
        assertTrue(e.getMessage().contains("not the configured oidc.issuer-url"), e.getMessage());
    }

    @Test
    void refusesADocumentWithoutEndpoints() {
        ProviderException e = assertThrows(ProviderException.class,
                () -> ProviderMetadata.parse("{\"issuer\":\"" + CONFIGURED + "\"}", SOURCE, CONFIGURED));
        assertTrue(e.getMessage().contains("authorization_endpoint"), e.getMessage());
    }

    @Test
    void refusesSomethingThatIsNotJson() {
        assertThrows(ProviderException.class, () -> ProviderMetadata.parse("<html>", SOURCE, CONFIGURED));
    }
}
