package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bindbackend.testing.MutableClock;

/** Drives a whole {@link EmbeddedIssuer} as a relying party and a browser would, on a clock the test moves. */
final class ProviderHarness {

    static final String STATE = "state with spaces & symbols=/?";
    static final String NONCE = "nonce-4711";

    private static final Pattern TRANSACTION = Pattern.compile("name=\"transaction\" value=\"([^\"]+)\"");

    final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
    final IssuerConfig config;
    final EmbeddedIssuer provider;

    ProviderHarness() {
        this(TestFixtures.config(), IssuerLimits.DEFAULTS);
    }

    ProviderHarness(IssuerConfig config, IssuerLimits limits) {
        this.config = config;
        this.provider = new EmbeddedIssuer(config, TestFixtures.keys(), clock, limits);
    }

    /** A valid authentication request of the registered client. */
    Map<String, String> authorizationRequest() {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", config.clientId());
        request.put("redirect_uri", config.redirectUri().toString());
        request.put("scope", "openid profile email");
        request.put("state", STATE);
        request.put("nonce", NONCE);
        return request;
    }

    HttpReply authorize(Map<String, String> request) {
        return provider.authorize(TestFixtures.params(request));
    }

    HttpReply login(String transaction, String username, String groups) {
        return provider.login(TestFixtures.params(Map.of("transaction", transaction, "username", username,
                "password", "anything", "groups", groups)));
    }

    /** Runs {@code request} through the login form as {@code username} and returns the code. */
    String logIn(Map<String, String> request, String username, String groups) {
        HttpReply redirect = login(transactionOf(authorize(request)), username, groups);
        assertEquals(303, redirect.status(), () -> "login failed: " + redirect.body());
        return TestFixtures.query(redirect.headers().get("Location")).get("code");
    }

    /** A code for alice, in groups admins and developers, for the default request. */
    String logIn() {
        return logIn(authorizationRequest(), "alice", "admins, developers");
    }

    /** The token request of the registered client (client_secret_post) for {@code code}. */
    Map<String, String> codeExchange(String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", config.redirectUri().toString());
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        return form;
    }

    /** The refresh request of the registered client for {@code refreshToken}. */
    Map<String, String> refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", config.clientId());
        form.put("client_secret", config.clientSecret());
        return form;
    }

    HttpReply token(Map<String, String> form) {
        return provider.token(null, TestFixtures.params(form));
    }

    /** Logs alice in and exchanges the code: the token response. */
    JsonObject tokens() {
        HttpReply reply = token(codeExchange(logIn()));
        assertEquals(200, reply.status(), reply::body);
        return TestFixtures.json(reply);
    }

    HttpReply userInfo(String accessToken) {
        return provider.userInfo("Bearer " + accessToken, RequestParameters.none());
    }

    /** The login transaction id in a login page. */
    static String transactionOf(HttpReply loginPage) {
        Matcher matcher = TRANSACTION.matcher(String.valueOf(loginPage.body()));
        assertTrue(matcher.find(), () -> "no login form: " + loginPage);
        return matcher.group(1);
    }
}
