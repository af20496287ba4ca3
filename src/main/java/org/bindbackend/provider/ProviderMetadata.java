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
import org.bindbackend.http.Loopback;
import org.bindbackend.shared.JsonBuilders;
import org.bindbackend.text.UntrustedText;

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
     * endpoint it names is an absolute https URL, or http where the issuer itself may be: on a loopback host, or at
     * the configured issuer's own origin (which the settings allow over http only on a loopback host in external
     * mode, and which is this backend in embedded mode). The client secret, codes, tokens and keys cross these
     * endpoints: over http on the network anyone on the path could read them or swap the keys (RFC 6749 §3.1, §3.2,
     * §10.9; OIDC Core §16.17).
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
                    "names the issuer " + UntrustedText.forLog(issuer) + ", not the configured oidc.issuer-url \""
                            + expectedIssuer + "\" (check the URL, including its path and trailing slash)", null);
        }
        Endpoints endpoints = new Endpoints(document, source, expectedIssuer);
        return new ProviderMetadata(source, URI.create(issuer),
                endpoints.required("authorization_endpoint"),
                endpoints.required("token_endpoint"),
                endpoints.optional("userinfo_endpoint"),
                endpoints.required("jwks_uri"),
                endpoints.optional("end_session_endpoint"),
                strings(document, "code_challenge_methods_supported"));
    }

    /**
     * The endpoints a document names, each read as an absolute URL no less protected than the issuer's, and short
     * enough to be logged whole (a URL cannot hold a control character, {@link URI}).
     */
    private record Endpoints(JsonObject document, URI source, URI issuer) {

        static final int MAX_LENGTH = 2048;

        URI required(String name) throws ProviderException {
            return url(name, ProviderMetadata.required(document, name, source));
        }

        Optional<URI> optional(String name) throws ProviderException {
            return document.containsKey(name) ? Optional.of(required(name)) : Optional.empty();
        }

        private URI url(String name, String value) throws ProviderException {
            URI url;
            try {
                url = new URI(value);
            } catch (URISyntaxException notAUrl) {
                url = null;
            }
            if (url == null || url.getHost() == null || !"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                throw refused(name, value, "that is not an absolute http(s) URL");
            }
            if (value.length() > MAX_LENGTH) {
                throw refused(name, value, "longer than " + MAX_LENGTH + " characters");
            }
            if ("http".equals(url.getScheme()) && !Loopback.isLoopback(url.getHost()) && !sameOrigin(url, issuer)) {
                throw refused(name, value, "in clear text: an endpoint must be https (http only on a loopback host: "
                        + "localhost, 127.0.0.0/8, [::1]), or the client secret, codes, tokens and keys would cross "
                        + "the network unprotected");
            }
            return url;
        }

        private ProviderException refused(String name, String value, String why) {
            return new ProviderException(ProviderException.Kind.BAD_RESPONSE, source, "has a \"" + name + "\" "
                    + UntrustedText.forLog(value) + " " + why, null);
        }

        private static boolean sameOrigin(URI a, URI b) {
            return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                    && port(a) == port(b);
        }

        private static int port(URI uri) {
            return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
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
