package org.bindbackend.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
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

    /** Each endpoint the backend or the browser uses, in a document that is otherwise the working one. */
    static final List<String> ENDPOINTS = List.of("authorization_endpoint", "token_endpoint", "userinfo_endpoint",
            "jwks_uri", "end_session_endpoint");

    static String withEndpoint(String issuer, String name, String url) {
        String document = document(issuer).replace("}", ",\"userinfo_endpoint\":\"https://login.example.com/me\"}");
        return document.replaceFirst("\"" + name + "\":\"[^\"]*\"", "\"" + name + "\":\"" + url + "\"");
    }

    @Test
    void refusesEveryEndpointInClearTextOnTheNetworkNamingItInOneLine() {
        for (String name : ENDPOINTS) {
            for (String clear : List.of("http://login.example.com/x", "http://10.0.0.7:8080/x", "http://127.0.0.1.nip.io/x")) {
                ProviderException e = assertThrows(ProviderException.class, () -> ProviderMetadata.parse(
                        withEndpoint(CONFIGURED.toString(), name, clear), SOURCE, CONFIGURED), name + " " + clear);
                assertEquals(ProviderException.Kind.BAD_RESPONSE, e.kind());
                assertTrue(e.getMessage().contains("\"" + name + "\" \"" + clear + "\" in clear text"), e.getMessage());
                assertTrue(e.getMessage().contains("must be https"), e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            }
        }
    }

    @Test
    void takesHttpEndpointsOnALoopbackHost() throws Exception {
        for (String name : ENDPOINTS) {
            for (String loopback : List.of("http://localhost:8080/x", "http://127.0.0.1:9000/x", "http://[::1]:9000/x",
                    "http://keycloak.localhost/x")) {
                ProviderMetadata.parse(withEndpoint(CONFIGURED.toString(), name, loopback), SOURCE, CONFIGURED);
            }
        }
    }

    /**
     * An issuer over http is only ever this machine in external mode (the settings refuse any other), and in
     * embedded mode this backend itself, whatever its host: its own endpoints are as good as it is.
     */
    @Test
    void takesHttpEndpointsAtTheOriginOfAnHttpIssuerOnly() throws Exception {
        URI embedded = URI.create("http://bind.internal:8080/oidc");
        URI source = URI.create(embedded + "/.well-known/openid-configuration");
        for (String name : ENDPOINTS) {
            ProviderMetadata.parse(withEndpoint(embedded.toString(), name, "http://bind.internal:8080/oidc/x"), source,
                    embedded);
            for (String elsewhere : List.of("http://bind.internal:8081/oidc/x", "http://other.internal:8080/oidc/x")) {
                assertThrows(ProviderException.class, () -> ProviderMetadata.parse(
                        withEndpoint(embedded.toString(), name, elsewhere), source, embedded), name + " " + elsewhere);
            }
            assertThrows(ProviderException.class, () -> ProviderMetadata.parse(
                    withEndpoint(CONFIGURED.toString(), name, "http://login.example.com:443/x"), SOURCE, CONFIGURED),
                    "the https issuer's host over http: " + name);
        }
    }

    @Test
    void refusesAnEndpointTooLongToLog() {
        String longUrl = "https://login.example.com/" + "x".repeat(3000);
        ProviderException e = assertThrows(ProviderException.class, () -> ProviderMetadata.parse(
                withEndpoint(CONFIGURED.toString(), "jwks_uri", longUrl), SOURCE, CONFIGURED));
        assertTrue(e.getMessage().contains("longer than 2048 characters"), e.getMessage());
        assertTrue(e.getMessage().length() < 1000, "the refusal quotes all of it: " + e.getMessage().length());
    }

    @Test
    void anIssuerOfAnotherNameIsQuotedDefused() {
        ProviderException e = assertThrows(ProviderException.class, () -> ProviderMetadata.parse(
                document("https://evil.example.com/\\r\\nSEVERE: forged" + "y".repeat(5000)), SOURCE, CONFIGURED));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(e.getMessage().contains("\r"), e.getMessage());
        assertTrue(e.getMessage().length() < 1000, "the whole issuer quoted: " + e.getMessage().length());
    }

    @Test
    void refusesSomethingThatIsNotJson() {
        assertThrows(ProviderException.class, () -> ProviderMetadata.parse("<html>", SOURCE, CONFIGURED));
    }
}
