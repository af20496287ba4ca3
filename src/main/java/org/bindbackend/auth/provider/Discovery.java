package org.bindbackend.auth.provider;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.util.Optional;

/**
 * The parts of a provider's discovery document this backend uses (OpenID Connect Discovery 1.0, §3).
 */
public record Discovery(URI issuer, URI authorizationEndpoint, URI jwksUri, Optional<URI> endSessionEndpoint) {

    /**
     * Parses the document fetched from {@code source} and checks it names the configured issuer
     * (Discovery §4.3: the issuer value returned MUST be identical to the issuer URL used to fetch it).
     */
    static Discovery parse(String json, URI source, URI expectedIssuer) throws ProviderException {
        JsonObject document;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            document = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProviderException(ProviderException.Kind.BAD_RESPONSE, source, "did not answer with a JSON object", e);
        }
        String issuer = required(document, "issuer", source);
        if (!withoutTrailingSlash(issuer).equals(expectedIssuer.toString())) {
            throw new ProviderException(ProviderException.Kind.BAD_RESPONSE, source,
                    "names the issuer \"" + issuer + "\", not the configured oidc.issuer-url \"" + expectedIssuer
                            + "\" (check the URL, including its path and trailing slash)", null);
        }
        String endSession = document.getString("end_session_endpoint", null);
        return new Discovery(URI.create(issuer),
                URI.create(required(document, "authorization_endpoint", source)),
                URI.create(required(document, "jwks_uri", source)),
                Optional.ofNullable(endSession).map(URI::create));
    }

    private static String required(JsonObject document, String name, URI source) throws ProviderException {
        try {
            String value = document.getString(name, null);
            if (value == null || value.isBlank()) {
                throw new ProviderException(ProviderException.Kind.BAD_RESPONSE, source, "has no \"" + name + "\"", null);
            }
            return value;
        } catch (ClassCastException e) {
            throw new ProviderException(ProviderException.Kind.BAD_RESPONSE, source, "has a \"" + name + "\" that is not a string", e);
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
