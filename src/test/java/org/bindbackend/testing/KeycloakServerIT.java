package org.bindbackend.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.jose4j.http.Get;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Keycloak fixture does what the login tests rely on: https with the test CA, the realm, restart. */
class KeycloakServerIT {

    private static final URI REDIRECT_URI = URI.create("http://127.0.0.1:12345/api/callback");
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");

    private static KeycloakServer keycloak;

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.shared();
    }

    @Test
    void discoveryAnswersOverHttpsTrustingOnlyTheTestCa() throws Exception {
        HttpResponse<String> response = get(client(keycloak.sslContext()), keycloak.discovery());

        assertEquals(200, response.statusCode(), response.body());
        String issuer = json(response.body()).getString("issuer");
        assertEquals("https://127.0.0.1:" + keycloak.port() + "/realms/bind", issuer);
        assertEquals(keycloak.issuer(), URI.create(issuer));
    }

    @Test
    void aClientTrustingAnotherCaFailsTheHandshake() throws Exception {
        HttpClient wrongCa = client(TestCertificates.trusting(TestCertificates.unrelatedCaPem()));

        assertThrows(SSLHandshakeException.class, () -> get(wrongCa, keycloak.discovery()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "alice; alice-password; alice@example.com; engineering devops",
            "bob;   bob-password;   bob@example.com;   sales",
            "carol; carol-password; carol@example.com; ''"})
    void authorizationCodeFlowGivesAVerifiableIdTokenWithGroups(String username, String password, String email,
            String groups) throws Exception {
        JsonObject discovery = json(get(client(keycloak.sslContext()), keycloak.discovery()).body());
        String state = UUID.randomUUID().toString();
        String nonce = UUID.randomUUID().toString();

        Map<String, String> callback = logIn(discovery, state, nonce, username, password);
        assertEquals(state, callback.get("state"));
        String idToken = redeem(discovery, callback.get("code"));

        JwtClaims claims = verify(idToken, discovery.getString("jwks_uri"));
        assertEquals(nonce, claims.getStringClaimValue("nonce"));
        assertEquals(username, claims.getStringClaimValue("preferred_username"));
        assertEquals(email, claims.getStringClaimValue("email"));
        Set<String> expectedGroups = groups.isBlank() ? Set.of() : Set.of(groups.split(" "));
        List<String> actualGroups = claims.hasClaim("groups") ? claims.getStringListClaimValue("groups") : List.of();
        assertEquals(expectedGroups, new HashSet<>(actualGroups));
    }

    @Test
    void comesBackOnTheSamePortAfterAStop() throws Exception {
        HttpClient client = client(keycloak.sslContext());
        keycloak.stop();
        try {
            assertFalse(keycloak.isRunning());
            assertThrows(ConnectException.class, () -> get(client, keycloak.discovery()));
        } finally {
            keycloak.start();
        }
        HttpResponse<String> response = get(client, keycloak.discovery());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(keycloak.issuer().toString(), json(response.body()).getString("issuer"));
    }

    /**
     * Plays the browser from the authorization endpoint to the redirect back to the client, which it does not follow
     * (nothing listens there); returns that redirect's query parameters.
     */
    private static Map<String, String> logIn(JsonObject discovery, String state, String nonce, String username,
            String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().sslContext(keycloak.sslContext())
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        URI authorize = URI.create(discovery.getString("authorization_endpoint") + "?" + form(Map.of(
                "response_type", "code", "client_id", KeycloakServer.CLIENT_ID, "redirect_uri", REDIRECT_URI.toString(),
                "scope", "openid profile email", "state", state, "nonce", nonce)));
        HttpResponse<String> loginPage = get(browser, authorize);
        assertEquals(200, loginPage.statusCode(), loginPage.body());

        HttpResponse<String> afterLogin = browser.send(HttpRequest.newBuilder(loginFormAction(loginPage))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(302, afterLogin.statusCode(), "the login page asks for nothing more:\n" + afterLogin.body());
        URI location = URI.create(afterLogin.headers().firstValue("Location").orElseThrow());
        assertEquals(REDIRECT_URI.toString(), location.toString().replaceFirst("\\?.*", ""));
        return query(location);
    }

    private static URI loginFormAction(HttpResponse<String> loginPage) {
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        assertTrue(form.find(), () -> "no kc-form-login on " + loginPage.uri() + ":\n" + loginPage.body());
        Matcher action = ACTION.matcher(form.group());
        assertTrue(action.find(), form.group());
        return loginPage.uri().resolve(action.group(1).replace("&amp;", "&"));
    }

    /** Exchanges the code at the token endpoint (client_secret_post); returns the ID token. */
    private static String redeem(JsonObject discovery, String code) throws IOException, InterruptedException {
        HttpResponse<String> response = client(keycloak.sslContext()).send(
                HttpRequest.newBuilder(URI.create(discovery.getString("token_endpoint")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                                "code", code, "redirect_uri", REDIRECT_URI.toString(),
                                "client_id", KeycloakServer.CLIENT_ID, "client_secret", KeycloakServer.CLIENT_SECRET))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body()).getString("id_token");
    }

    /** Checks the signature against the realm's JWKS (fetched trusting only the test CA), issuer, audience, expiry. */
    private static JwtClaims verify(String idToken, String jwksUri) throws Exception {
        Get get = new Get();
        get.setSslSocketFactory(keycloak.sslContext().getSocketFactory());
        HttpsJwks jwks = new HttpsJwks(jwksUri);
        jwks.setSimpleHttpGet(get);
        return new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setExpectedIssuer(keycloak.issuer().toString())
                .setExpectedAudience(KeycloakServer.CLIENT_ID)
                .setRequireExpirationTime()
                .setRequireSubject()
                .build()
                .processToClaims(idToken);
    }

    private static HttpClient client(SSLContext ssl) {
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .forEach(pair -> parameters.put(pair[0], URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        return parameters;
    }
}
