package org.bindbackend.provider;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bindbackend.shared.JsonBuilders;

/**
 * The parts of a provider's discovery document this backend uses (OpenID Connect Discovery 1.0, §3), and where it
 * was fetched from.
 */
public record ProviderMetadata(URI source, URI issuer, URI authorizationEndpoint, URI tokenEndpoint,
        Optional<URI> userinfoEndpoint, URI jwksUri, Optional<URI> endSessionEndpoint, Set<String> codeChallengeMethods) {

    /** Whether the provider says it takes PKCE challenges of method S256 (RFC 8414 §2). */
    public boolean supportsS256() {
        return codeChallengeMethods.contains("S256");
    }


    /**
     * Parses the document fetched from {@code source} and checks it names the configured issuer
     * (Discovery §4.3: the issuer value returned MUST be identical to the issuer URL used to fetch it) and that each
     * endpoint it names is an absolute http(s) URL.
     */
    static ProviderMetadata parse(String json, URI source, URI expectedIssuer) throws ProviderException {
        JsonObject document;
        try (JsonReader reader = JsonBuilders.reader(new StringReader(json))) {
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
        return new ProviderMetadata(source, URI.create(issuer),
                url(document, "authorization_endpoint", source),
                url(document, "token_endpoint", source),
                optionalUrl(document, "userinfo_endpoint", source),
                url(document, "jwks_uri", source),
                optionalUrl(document, "end_session_endpoint", source),
                strings(document, "code_challenge_methods_supported"));
    }

    private static URI url(JsonObject document, String name, URI source) throws ProviderException {
        String value = required(document, name, source);
        try {
            URI url = new URI(value);
            if (url.getHost() != null && ("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                return url;
            }
        } catch (URISyntaxException notAUrl) {
            // reported below
        }
        throw new ProviderException(ProviderException.Kind.BAD_RESPONSE, source, "has a \"" + name
                + "\" that is not an absolute http(s) URL", null);
    }

    private static Optional<URI> optionalUrl(JsonObject document, String name, URI source) throws ProviderException {
        return document.containsKey(name) ? Optional.of(url(document, name, source)) : Optional.empty();
    }

    /** The strings of an array member; none when it is absent or not an array. */
    private static Set<String> strings(JsonObject document, String name) {
        if (!(document.get(name) instanceof JsonArray array)) {
            return Set.of();
        }
        return array.stream().filter(JsonString.class::isInstance).map(value -> ((JsonString) value).getString())
                .collect(Collectors.toUnmodifiableSet());
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
