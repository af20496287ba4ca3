package org.bindbackend.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * The relying party the benchmark plays, the same code for every provider: the authorization-code flow with
 * {@code state}, {@code nonce} and PKCE S256 (OIDC Core 3.1), the provider's login form filled in like a person
 * would (hidden fields kept, credentials added), the code read from the {@code Location} of the redirect to
 * {@code redirect_uri} (which is never followed), the code exchanged with {@code client_secret_basic}, and the ID
 * token validated (signature against the provider's JWKS, {@code iss}, {@code aud}, {@code exp}, {@code nonce}).
 *
 * <p>Each login is a new {@link UserAgent}: no cookie of one login reaches the next.
 */
final class OidcClient {

    /**
     * A provider and how the client is registered there.
     *
     * @param name         for the results
     * @param issuer       the issuer URL; discovery is at {@code <issuer>/.well-known/openid-configuration}
     * @param clientId     the client id
     * @param clientSecret the client secret
     * @param redirectUri  the registered redirect URI
     * @param credentials  what a person types into the login form
     */
    record Provider(String name, URI issuer, String clientId, String clientSecret, URI redirectUri,
            Map<String, String> credentials) {
    }

    /** A code ready to be exchanged, with what the exchange needs. */
    record Code(String code, String verifier, String nonce) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_HOPS = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http;
    private final Provider provider;
    private final URI authorizationEndpoint;
    private final URI tokenEndpoint;
    private final JwtConsumer idTokens;

    /** Reads the provider's metadata and keys once. */
    OidcClient(HttpClient http, Provider provider) throws IOException, InterruptedException {
        this.http = http;
        this.provider = provider;
        UserAgent reader = new UserAgent(http);
        JsonObject metadata = json(reader.get(URI.create(provider.issuer() + "/.well-known/openid-configuration")));
        authorizationEndpoint = URI.create(metadata.getString("authorization_endpoint"));
        tokenEndpoint = URI.create(metadata.getString("token_endpoint"));
        HttpResponse<String> jwks = reader.get(URI.create(metadata.getString("jwks_uri")));
        try {
            idTokens = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(
                            new JsonWebKeySet(jwks.body()).getJsonWebKeys()))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setExpectedIssuer(metadata.getString("issuer"))
                    .setExpectedAudience(provider.clientId())
                    .setRequireExpirationTime()
                    .setRequireIssuedAt()
                    .setRequireSubject()
                    .setAllowedClockSkewInSeconds(30)
                    .build();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IOException("Unreadable JWKS of " + provider.name() + ": " + e.getMessage(), e);
        }
    }

    Provider provider() {
        return provider;
    }

    /** One whole login: authorize, login form, code, exchange, ID token validation; returns the ID token's claims. */
    JwtClaims login() throws Exception {
        Code code = authorize();
        JsonObject tokens = exchange(code);
        return validate(tokens.getString("id_token"), code.nonce());
    }

    /** The front-channel half: from the authorization request to the code in the redirect to the client. */
    Code authorize() throws IOException, InterruptedException {
        String state = random();
        String nonce = random();
        String verifier = random();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.clientId());
        query.put("redirect_uri", provider.redirectUri().toString());
        query.put("scope", "openid profile email");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        UserAgent browser = new UserAgent(http);
        HttpResponse<String> response = followWithin(
                browser.get(URI.create(authorizationEndpoint + "?" + UserAgent.form(query))), browser);
        if (response.statusCode() == 200) {
            response = followWithin(browser.submitForm(response, provider.credentials()), browser);
        }
        Map<String, String> callback = callbackParameters(response);
        if (!state.equals(callback.get("state"))) {
            throw new IllegalStateException(provider.name() + ": the state came back as " + callback.get("state"));
        }
        if (callback.get("code") == null) {
            throw new IllegalStateException(provider.name() + ": no code in the redirect: " + callback);
        }
        return new Code(callback.get("code"), verifier, nonce);
    }

    /** The back-channel half: the token request (OIDC Core 3.1.3.1); the parsed token response. */
    JsonObject exchange(Code code) throws IOException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code.code());
        body.put("redirect_uri", provider.redirectUri().toString());
        body.put("code_verifier", code.verifier());
        String basic = Base64.getEncoder().encodeToString((UserAgent.encode(provider.clientId()) + ":"
                + UserAgent.encode(provider.clientSecret())).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(UserAgent.form(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(provider.name() + ": token endpoint answered " + response.statusCode()
                    + ": " + response.body());
        }
        JsonObject tokens = json(response);
        if (!tokens.containsKey("id_token")) {
            throw new IllegalStateException(provider.name() + ": no id_token in " + response.body());
        }
        return tokens;
    }

    /** OIDC Core 3.1.3.7: the ID token's signature and claims, and the nonce of the request. */
    JwtClaims validate(String idToken, String nonce) throws Exception {
        JwtClaims claims = idTokens.processToClaims(idToken);
        if (!nonce.equals(claims.getClaimValue("nonce"))) {
            throw new IllegalStateException(provider.name() + ": the ID token's nonce is " + claims.getClaimValue("nonce"));
        }
        return claims;
    }

    /** Follows redirects that stay at the provider; stops at a page, or at the redirect to the client. */
    private HttpResponse<String> followWithin(HttpResponse<String> response, UserAgent browser)
            throws IOException, InterruptedException {
        for (int hops = 0; UserAgent.isRedirect(response) && !toClient(response); hops++) {
            if (hops == MAX_HOPS) {
                throw new IllegalStateException(provider.name() + ": too many redirects from " + response.uri());
            }
            response = browser.get(UserAgent.location(response));
        }
        if (!UserAgent.isRedirect(response) && response.statusCode() != 200) {
            throw new IllegalStateException(provider.name() + ": " + response.statusCode() + " from " + response.uri()
                    + ": " + UserAgent.abbreviate(response.body()));
        }
        return response;
    }

    private Map<String, String> callbackParameters(HttpResponse<String> response) {
        if (!UserAgent.isRedirect(response) || !toClient(response)) {
            throw new IllegalStateException(provider.name() + ": expected the redirect to the client, got "
                    + response.statusCode() + " from " + response.uri() + ": "
                    + UserAgent.abbreviate(response.body()));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = UserAgent.location(response).getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
        }
        if (parameters.containsKey("error")) {
            throw new IllegalStateException(provider.name() + ": authorization error " + parameters);
        }
        return parameters;
    }

    private boolean toClient(HttpResponse<String> response) {
        String location = UserAgent.location(response).toString();
        String client = provider.redirectUri().toString();
        return location.equals(client) || location.startsWith(client + "?");
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
