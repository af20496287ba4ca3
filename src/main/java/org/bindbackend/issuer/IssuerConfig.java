package org.bindbackend.issuer;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the embedded provider needs to know: its issuer identifier and its one registered client.
 *
 * @param issuer                 the issuer identifier (OIDC Discovery 1.0 §3: an absolute URL without
 *                               query or fragment); without a trailing slash, e.g.
 *                               {@code http://localhost:8080/oidc}; every endpoint URL is built from it
 * @param clientId               the registered client's identifier (RFC 6749 §2.2)
 * @param clientSecret           the registered client's secret (RFC 6749 §2.3.1)
 * @param redirectUri            the client's one registered redirect URI, compared by exact string match
 *                               (RFC 6749 §3.1.2, no fragment)
 * @param postLogoutRedirectUris the client's registered post-logout redirect URIs (RP-Initiated Logout 1.0 §3)
 * @param backChannelLogoutUri   the client's back-channel logout URI (Back-Channel Logout 1.0 §2.2), if it has one
 */
public record IssuerConfig(URI issuer, String clientId, String clientSecret, URI redirectUri,
        List<URI> postLogoutRedirectUris, Optional<URI> backChannelLogoutUri) {

    /** A client without a back-channel logout URI. */
    public IssuerConfig(URI issuer, String clientId, String clientSecret, URI redirectUri,
            List<URI> postLogoutRedirectUris) {
        this(issuer, clientId, clientSecret, redirectUri, postLogoutRedirectUris, Optional.empty());
    }

    /** Refuses a configuration the provider could not serve correctly. */
    public IssuerConfig {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(postLogoutRedirectUris, "postLogoutRedirectUris");
        Objects.requireNonNull(backChannelLogoutUri, "backChannelLogoutUri");
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        if (!issuer.isAbsolute() || issuer.getRawQuery() != null || issuer.getRawFragment() != null
                || issuer.toString().endsWith("/")) {
            throw new IllegalArgumentException(
                    "issuer must be an absolute URL without query, fragment or trailing slash: " + issuer);
        }
        if (!redirectUri.isAbsolute() || redirectUri.getRawFragment() != null) {
            throw new IllegalArgumentException("redirectUri must be absolute and have no fragment: " + redirectUri);
        }
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    }

    /** Leaves the client secret out, so logging a configuration never logs it. */
    @Override
    public String toString() {
        return "IssuerConfig[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret=****, redirectUri="
                + redirectUri + ", postLogoutRedirectUris=" + postLogoutRedirectUris + ", backChannelLogoutUri="
                + backChannelLogoutUri + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
