package org.bindbackend.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * A deliberately hostile OpenID Provider: it runs the authorization code flow like any provider, but the ID token it
 * hands out is forged the way the current {@link Attack} says, so that a test can prove the backend refuses each
 * forgery (OpenID Connect Core 1.0, §3.1.3.7) instead of trusting whatever the container's client lets through.
 *
 * <p>Plain http on 127.0.0.1 and a free port, on the JDK's {@link HttpServer}. There is no login page: {@code /authorize}
 * answers at once with a code for {@link #SUBJECT}. The forged ID tokens otherwise look right: they carry the nonce the
 * client sent, so that each one fails for the one thing it forges.
 */
public final class HostileProvider implements AutoCloseable {

    /** The end-user every ID token is about. */
    public static final String SUBJECT = "mallory-7f3a";
    public static final String USERNAME = "mallory";
    /** The issuer the liars claim to be, in ID tokens ({@link Attack#WRONG_ISSUER}) or in discovery. */
    public static final String ANOTHER_ISSUER = "https://another-issuer.invalid";
    /** The one client the tests register. */
    public static final String CLIENT_ID = "bind-backend";
    /** Long enough to be a valid HS256 key, so that the HMAC forgery is a real one. */
    public static final String CLIENT_SECRET = "hostile-provider-client-secret-0123456789";
    /** An address {@link Attack#EMAIL_OF_AN_ALLOWED_USER} claims, unverified. */
    public static final String ALLOWED_EMAIL = "admin@example.com";
    public static final int SLOW_ANSWER_SECONDS = 8;
    static final int ENDLESS_ANSWER_BYTES = 8 * 1024 * 1024;
    private static final String ANOTHER_CLIENT = "another-client";

    /** How the ID token of the next code exchange is forged. */
    public enum Attack {
        /** A correct ID token: the control case, which must log in. */
        HONEST(IdTokenForge::honest),
        /** Unsigned ({@code alg: none}): anyone could have written it. */
        NONE_ALG(IdTokenForge::unsigned),
        /** HS256 with the client secret as key: the client could have written it itself. */
        HS256_WITH_CLIENT_SECRET(IdTokenForge::signedWithClientSecret),
        /** RS256 by another key, under the {@code kid} of the provider's published key. */
        BAD_SIGNATURE(IdTokenForge::signedByImpostorUnderProvidersKid),
        /** RS256 by a key under a {@code kid} the provider does not publish. */
        UNKNOWN_KID(IdTokenForge::signedWithUnpublishedKid),
        WRONG_ISSUER(IdTokenForge::fromAnotherIssuer),
        /** Issued to another client, which could replay it here. */
        WRONG_AUDIENCE(IdTokenForge::forAnotherClient),
        /** This client among others, and no {@code azp} saying which one it was issued to. */
        SEVERAL_AUDIENCES_NO_AZP(IdTokenForge::forSeveralAudiencesWithoutAzp),
        EXPIRED(IdTokenForge::expired),
        /** {@code iat} in the future (and {@code exp} after it). */
        ISSUED_IN_FUTURE(IdTokenForge::issuedInTheFuture),
        /** {@code nbf} in the future. */
        NOT_YET_VALID(IdTokenForge::notYetValid),
        NO_SUBJECT(IdTokenForge::withoutSubject),
        NO_NONCE(IdTokenForge::withoutNonce),
        /** A nonce other than the one the client sent: a token from another login, replayed. */
        WRONG_NONCE(IdTokenForge::withAnotherNonce),
        /** A user name with a line break, to forge a line in the backend's log. */
        USERNAME_WITH_LINE_BREAK(IdTokenForge::withLineBreakInUsername),
        /**
         * An {@code alg} header with a line break, an escape sequence and kilobytes of padding, signed RS256 all the
         * same: what names the algorithm in a log must defuse it.
         */
        ALG_WITH_LINE_BREAK(IdTokenForge::withLineBreakInAlg),
        /** A user who set their (unverified) email to an allowed user's address. */
        EMAIL_OF_AN_ALLOWED_USER(IdTokenForge::withAnAllowedUsersEmail),
        /** An honest token, but the token endpoint answers after {@link #SLOW_ANSWER_SECONDS}. */
        SLOW_TOKEN_ANSWER(IdTokenForge::honest),
        /** An honest token, but in an answer of {@link #ENDLESS_ANSWER_BYTES}. */
        ENDLESS_TOKEN_ANSWER(IdTokenForge::honest),
        /** The token endpoint refuses the code exchange as a wrong PKCE verifier would have it refused. */
        PKCE_VERIFIER_REFUSED(IdTokenForge::honest);

        private final Forgery forgery;

        Attack(Forgery forgery) {
            this.forgery = forgery;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final String clientId;
    private final String clientSecret;
    private final RsaJsonWebKey signingKey;
    private final IdTokenForge forge;
    /** Codes not yet exchanged, each with what its authorization request said. */
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private volatile Attack attack = Attack.HONEST;
    private volatile String announcedIssuer;
    /** Endpoints the discovery document names in place of this provider's own, by member name. */
    private final Map<String, String> announcedEndpoints = new ConcurrentHashMap<>();

    private HostileProvider(HttpServer server, String clientId, String clientSecret) throws JoseException {
        this.server = server;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.signingKey = rsaKey("hostile-signing-key");
        this.forge = new IdTokenForge(issuer().toString(), clientId, clientSecret, signingKey, rsaKey("impostor-key"));
        this.announcedIssuer = issuer().toString();
    }

    /**
     * Starts the provider for one registered client.
     *
     * @param clientSecret at least 32 characters: an HS256 key shorter than the hash is refused by the JOSE libraries
     *                     on both sides, and {@link Attack#HS256_WITH_CLIENT_SECRET} must be a valid HMAC to test anything
     */
    public static HostileProvider start(String clientId, String clientSecret) throws IOException, JoseException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        HostileProvider provider = new HostileProvider(server, clientId, clientSecret);
        server.createContext("/.well-known/openid-configuration", provider::discovery);
        server.createContext("/jwks", provider::jwks);
        server.createContext("/authorize", provider::authorize);
        server.createContext("/token", provider::token);
        server.createContext("/userinfo", provider::userinfo);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return provider;
    }

    /** Starts the provider for {@link #CLIENT_ID}. */
    public static HostileProvider start() throws IOException, JoseException {
        return start(CLIENT_ID, CLIENT_SECRET);
    }

    /**
     * A backend's settings for external mode against this provider, at verbosity 2 so that a failure's message
     * shows each OIDC step, with an allow-list that names the honest user and {@link #ALLOWED_EMAIL}.
     */
    public Map<String, String> backendSettings() {
        return Map.of(
                "oidc.type", "external",
                "oidc.issuer-url", issuer().toString(),
                "oidc.issuer-client-id", clientId,
                "oidc.issuer-client-secret", clientSecret,
                "oidc.allowed-users", ALLOWED_EMAIL + "," + USERNAME,
                "v", "2");
    }

    /** {@code http://127.0.0.1:<port>}: the issuer, as honest ID tokens name it. */
    public URI issuer() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The provider session ({@code sid}) the last ID token named: each login is one here. */
    public String lastSession() {
        return forge.lastSession;
    }

    /**
     * A logout token (Back-Channel Logout 1.0 §2.4) for the last login's session of {@link #SUBJECT}, honest and then
     * changed by {@code change}, signed by this provider's key and typed {@code logout+jwt}: what a test posts to the
     * backend's back-channel logout URI, as this provider would.
     */
    public String logoutToken(Consumer<JwtClaims> change) throws JoseException {
        JwtClaims claims = forge.logoutClaims();
        change.accept(claims);
        return forge.signedLogoutToken(claims, "logout+jwt");
    }

    /** {@link #logoutToken} with its header's {@code typ} as given, or none for null. */
    public String logoutTokenTyped(String type) throws JoseException {
        return forge.signedLogoutToken(forge.logoutClaims(), type);
    }

    /** An honest logout token's claims signed another way: "impostor", "none" or "client-secret". */
    public String logoutTokenSigned(String how) throws JoseException {
        JwtClaims claims = forge.logoutClaims();
        return switch (how) {
            case "impostor" -> IdTokenForge.signedBy(claims, forge.impostorKey, signingKey.getKeyId());
            case "none" -> {
                JsonWebSignature jws = IdTokenForge.jws(claims, AlgorithmIdentifiers.NONE);
                jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
                yield jws.getCompactSerialization();
            }
            case "client-secret" -> {
                JsonWebSignature jws = IdTokenForge.jws(claims, AlgorithmIdentifiers.HMAC_SHA256);
                jws.setKey(new HmacKey(clientSecret.getBytes(StandardCharsets.UTF_8)));
                yield jws.getCompactSerialization();
            }
            default -> throw new IllegalArgumentException(how);
        };
    }

    /** Forges the ID tokens of the following code exchanges this way. */
    public void attackWith(Attack attack) {
        this.attack = attack;
    }

    /** Makes the discovery document name {@code issuer}, though it is served from {@link #issuer()}. */
    public void announceIssuer(String issuer) {
        this.announcedIssuer = issuer;
    }

    /**
     * Makes the discovery document name {@code url} as its {@code member} (e.g. {@code token_endpoint}; an
     * {@code end_session_endpoint} is named only so); null names this provider's own endpoint again.
     */
    public void announceEndpoint(String member, String url) {
        if (url == null) {
            announcedEndpoints.remove(member);
        } else {
            announcedEndpoints.put(member, url);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String base = issuer().toString();
        JsonObjectBuilder document = Json.createObjectBuilder();
        Optional.ofNullable(announcedEndpoints.get("end_session_endpoint")).ifPresent(url -> document.add(
                "end_session_endpoint", url));
        respondJson(exchange, 200, document
                .add("issuer", announcedIssuer)
                .add("authorization_endpoint", announcedEndpoints.getOrDefault("authorization_endpoint", base + "/authorize"))
                .add("token_endpoint", announcedEndpoints.getOrDefault("token_endpoint", base + "/token"))
                .add("userinfo_endpoint", announcedEndpoints.getOrDefault("userinfo_endpoint", base + "/userinfo"))
                .add("jwks_uri", announcedEndpoints.getOrDefault("jwks_uri", base + "/jwks"))
                .add("response_types_supported", array("code"))
                .add("subject_types_supported", array("public"))
                .add("id_token_signing_alg_values_supported", array("RS256"))
                .add("scopes_supported", array("openid", "profile", "email"))
                .add("token_endpoint_auth_methods_supported", array("client_secret_post", "client_secret_basic"))
                .add("code_challenge_methods_supported", array("S256"))
                .add("claims_supported", array("iss", "sub", "aud", "azp", "exp", "iat", "nonce", "preferred_username"))
                .build().toString());
    }

    private void jwks(HttpExchange exchange) throws IOException {
        respondJson(exchange, 200, new JsonWebKeySet(signingKey).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    /** No login page: a code at once, remembered with the request's nonce and redirect URI. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request = parameters(exchange.getRequestURI().getRawQuery());
        String redirectUri = request.get("redirect_uri");
        if (!clientId.equals(request.get("client_id")) || redirectUri == null) {
            respond(exchange, 400, "text/plain", "unknown client_id or no redirect_uri");
            return;
        }
        String code = random();
        codes.put(code, new Grant(request.get("nonce"), redirectUri, request.get("code_challenge")));
        String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + encode(code)
                + Optional.ofNullable(request.get("state")).map(state -> "&state=" + encode(state)).orElse("");
        exchange.getResponseHeaders().set("Location", location);
        respond(exchange, 302, "text/plain", "");
    }

    /** The code exchange (client_secret_post or client_secret_basic), answered with the forged ID token. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> request = parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, request)) {
            respondJson(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant = codes.remove(request.getOrDefault("code", ""));
        if (!"authorization_code".equals(request.get("grant_type")) || grant == null
                || !grant.redirectUri().equals(request.get("redirect_uri"))) {
            respondJson(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        if (attack == Attack.PKCE_VERIFIER_REFUSED || !verifies(grant.codeChallenge(), request.get("code_verifier"))) {
            respondJson(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}");
            return;
        }
        String accessToken = random();
        accessTokens.add(accessToken);
        String answer;
        try {
            answer = Json.createObjectBuilder()
                    .add("access_token", accessToken)
                    .add("token_type", "Bearer")
                    .add("expires_in", 300)
                    .add("id_token", attack.forgery.forge(forge, grant))
                    .build().toString();
        } catch (JoseException e) {
            throw new IOException("Could not forge the ID token for " + attack, e);
        }
        if (attack == Attack.SLOW_TOKEN_ANSWER) {
            try {
                Thread.sleep(SLOW_ANSWER_SECONDS * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (attack == Attack.ENDLESS_TOKEN_ANSWER) {
            answer = answer.substring(0, answer.length() - 1) + ",\"padding\":\"" + "x".repeat(ENDLESS_ANSWER_BYTES) + "\"}";
        }
        respondJson(exchange, 200, answer);
    }

    private void userinfo(HttpExchange exchange) throws IOException {
        String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        if (!authorization.startsWith("Bearer ") || !accessTokens.contains(authorization.substring("Bearer ".length()))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            respondJson(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        respondJson(exchange, 200, Json.createObjectBuilder()
                .add("sub", SUBJECT).add("preferred_username", USERNAME).build().toString());
    }

    /** RFC 7636 §4.6: with a challenge, the verifier's S256 is it; without one, no verifier may come. */
    private static boolean verifies(String challenge, String verifier) {
        if (challenge == null) {
            return verifier == null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(verifier).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).equals(challenge);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean clientAuthenticated(HttpExchange exchange, Map<String, String> form) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring("Basic ".length())),
                    StandardCharsets.UTF_8).split(":", 2);
            return pair.length == 2 && clientId.equals(decode(pair[0])) && clientSecret.equals(decode(pair[1]));
        }
        return clientId.equals(form.get("client_id")) && clientSecret.equals(form.get("client_secret"));
    }

    private static Map<String, String> parameters(String encoded) {
        Map<String, String> parameters = new HashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                String[] nameValue = pair.split("=", 2);
                parameters.put(decode(nameValue[0]), nameValue.length == 2 ? decode(nameValue[1]) : "");
            }
        }
        return parameters;
    }

    private static void respondJson(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        respond(exchange, status, "application/json", json);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonArrayBuilder array(String... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        List.of(values).forEach(array::add);
        return array;
    }

    private static RsaJsonWebKey rsaKey(String keyId) throws JoseException {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId(keyId);
        key.setUse("sig");
        key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        return key;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** What an authorization request said, kept until its code is exchanged. */
    /** What an authorization request said: its nonce, its redirect URI, its PKCE challenge (S256) or null. */
    private record Grant(String nonce, String redirectUri, String codeChallenge) {
    }

    /** One attack's way of making the ID token for a grant. */
    @FunctionalInterface
    private interface Forgery {
        String forge(IdTokenForge forge, Grant grant) throws JoseException;
    }

    /**
     * Makes the ID tokens: {@link #claims} are those of an honest token, and each attack's method changes exactly one
     * thing about them or about the signature.
     */
    private static final class IdTokenForge {

        private final String issuer;
        private final String clientId;
        private final String clientSecret;
        private final RsaJsonWebKey signingKey;
        private final RsaJsonWebKey impostorKey;
        private volatile String lastSession;

        IdTokenForge(String issuer, String clientId, String clientSecret, RsaJsonWebKey signingKey,
                RsaJsonWebKey impostorKey) {
            this.issuer = issuer;
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.signingKey = signingKey;
            this.impostorKey = impostorKey;
        }

        String honest(Grant grant) throws JoseException {
            return signed(claims(grant));
        }

        String unsigned(Grant grant) throws JoseException {
            JsonWebSignature jws = jws(claims(grant), AlgorithmIdentifiers.NONE);
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            return jws.getCompactSerialization();
        }

        String signedWithClientSecret(Grant grant) throws JoseException {
            JsonWebSignature jws = jws(claims(grant), AlgorithmIdentifiers.HMAC_SHA256);
            jws.setKey(new HmacKey(clientSecret.getBytes(StandardCharsets.UTF_8)));
            return jws.getCompactSerialization();
        }

        String signedByImpostorUnderProvidersKid(Grant grant) throws JoseException {
            return signedBy(claims(grant), impostorKey, signingKey.getKeyId());
        }

        String signedWithUnpublishedKid(Grant grant) throws JoseException {
            return signedBy(claims(grant), impostorKey, impostorKey.getKeyId());
        }

        String fromAnotherIssuer(Grant grant) throws JoseException {
            JwtClaims claims = claims(grant);
            claims.setIssuer(ANOTHER_ISSUER);
            return signed(claims);
        }

        String forAnotherClient(Grant grant) throws JoseException {
            JwtClaims claims = claims(grant);
            claims.setAudience(ANOTHER_CLIENT);
            claims.setClaim("azp", ANOTHER_CLIENT);
            return signed(claims);
        }

        String forSeveralAudiencesWithoutAzp(Grant grant) throws JoseException {
            JwtClaims claims = claims(grant);
            claims.setAudience(clientId, ANOTHER_CLIENT);
            claims.unsetClaim("azp");
            return signed(claims);
        }

        String expired(Grant grant) throws JoseException {
            JwtClaims claims = claims(grant);
            claims.setIssuedAt(secondsFromNow(-900));
            claims.setExpirationTime(secondsFromNow(-600));
            return signed(claims);
        }

        String issuedInTheFuture(Grant grant) throws JoseException {
            JwtClaims claims = claims(grant);
            claims.setIssuedAt(secondsFromNow(600));
            claims.setExpirationTime(secondsFromNow(900));
            return signed(claims);
        }

        String notYetValid(Grant grant) throws JoseException {
            JwtClaims claims = claims(grant);
            claims.setNotBefore(secondsFromNow(600));
            claims.setExpirationTime(secondsFromNow(900));
            return signed(claims);
        }

        String withoutSubject(Grant grant) throws JoseException {
            JwtClaims claims = claims(grant);
            claims.unsetClaim("sub");
            return signed(claims);
        }

        String withoutNonce(Grant grant) throws JoseException {
            JwtClaims claims = claims(grant);
            claims.unsetClaim("nonce");
            return signed(claims);
        }

        String withAnotherNonce(Grant grant) throws JoseException {
            JwtClaims claims = claims(grant);
            claims.setClaim("nonce", random());
            return signed(claims);
        }

        String withLineBreakInUsername(Grant grant) throws JoseException {
            JwtClaims claims = claims(grant);
            claims.setClaim("preferred_username", USERNAME + "\nSEVERE: forged log line");
            return signed(claims);
        }

        String withLineBreakInAlg(Grant grant) throws JoseException {
            String header = Json.createObjectBuilder()
                    .add("alg", "RS256\r\nSEVERE: forged log line \u001b[2J" + "Z".repeat(3000))
                    .add("kid", signingKey.getKeyId()).add("typ", "JWT").build().toString();
            String signingInput = base64Url(header) + "." + base64Url(claims(grant).toJson());
            try {
                java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
                rsa.initSign(signingKey.getRsaPrivateKey());
                rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
            } catch (java.security.GeneralSecurityException e) {
                throw new JoseException("Cannot sign", e);
            }
        }

        private static String base64Url(String json) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        }

        String withAnAllowedUsersEmail(Grant grant) throws JoseException {
            JwtClaims claims = claims(grant);
            claims.setClaim("preferred_username", "eve");
            claims.setClaim("email", ALLOWED_EMAIL);
            return signed(claims);
        }

        /** The claims of an honest ID token for this grant (OIDC Core §2), valid for five minutes. */
        private JwtClaims claims(Grant grant) {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setSubject(SUBJECT);
            claims.setAudience(clientId);
            claims.setClaim("azp", clientId);
            claims.setIssuedAt(secondsFromNow(0));
            claims.setExpirationTime(secondsFromNow(300));
            if (grant.nonce() != null) {
                claims.setClaim("nonce", grant.nonce());
            }
            claims.setClaim("preferred_username", USERNAME);
            lastSession = "hostile-session-" + random();
            claims.setClaim("sid", lastSession);
            return claims;
        }

        /** The claims of an honest logout token for the last login's session. */
        JwtClaims logoutClaims() {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setAudience(clientId);
            claims.setIssuedAt(secondsFromNow(0));
            claims.setExpirationTime(secondsFromNow(120));
            claims.setJwtId(random());
            claims.setClaim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
            claims.setSubject(SUBJECT);
            claims.setClaim("sid", lastSession);
            return claims;
        }

        String signedLogoutToken(JwtClaims claims, String type) throws JoseException {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setKey(signingKey.getPrivateKey());
            jws.setKeyIdHeaderValue(signingKey.getKeyId());
            if (type != null) {
                jws.setHeader("typ", type);
            }
            return jws.getCompactSerialization();
        }

        private String signed(JwtClaims claims) throws JoseException {
            return signedBy(claims, signingKey, signingKey.getKeyId());
        }

        private static String signedBy(JwtClaims claims, RsaJsonWebKey key, String keyId) throws JoseException {
            JsonWebSignature jws = jws(claims, AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(keyId);
            return jws.getCompactSerialization();
        }

        private static JsonWebSignature jws(JwtClaims claims, String algorithm) {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(algorithm);
            jws.setHeader("typ", "JWT");
            return jws;
        }

        private static NumericDate secondsFromNow(long seconds) {
            return NumericDate.fromSeconds(Instant.now().getEpochSecond() + seconds);
        }
    }
}
