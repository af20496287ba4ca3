package org.bindbackend.issuer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared test data: one registered client, one signing key for all tests, and small parsers. */
final class TestFixtures {

    static final URI ISSUER = URI.create("http://localhost:8080/oidc");
    static final String CLIENT_ID = "bind-backend";
    static final String CLIENT_SECRET = "client-secret";
    static final URI REDIRECT_URI = URI.create("http://localhost:8080/callback");
    static final URI POST_LOGOUT_REDIRECT_URI = URI.create("http://localhost:8080/logged-out");

    private static final IssuerKeys KEYS = newKeys();

    private TestFixtures() {
    }

    static IssuerConfig config() {
        return config(REDIRECT_URI);
    }

    static IssuerConfig config(URI redirectUri) {
        return new IssuerConfig(ISSUER, CLIENT_ID, CLIENT_SECRET, redirectUri, List.of(POST_LOGOUT_REDIRECT_URI));
    }

    /** The signing key shared by the tests (RSA key generation is slow). */
    static IssuerKeys keys() {
        return KEYS;
    }

    static IssuerKeys newKeys() {
        return IssuerKeys.generate();
    }

    /** Parameters from name-value pairs. */
    static RequestParameters params(Map<String, String> values) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        values.forEach((name, value) -> lists.put(name, List.of(value)));
        return RequestParameters.of(lists);
    }

    static JsonObject json(HttpReply reply) {
        return Json.createReader(new StringReader(reply.body())).readObject();
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** The decoded query parameters of {@code uri}. */
    static Map<String, String> query(String uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(uri).getRawQuery();
        if (query == null) {
            return values;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
