package org.bindbackend.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The backend's settings, read from MicroProfile Config and validated by {@link SettingsReader}: at start, and again in
 * the background while running ({@link SettingsReload}), which replaces the whole record when a live setting changes.
 *
 * @param mode                where users log in
 * @param externalUrl         this backend's URL as browsers and the CLI reach it, without a trailing slash
 * @param issuerUrl           the OpenID Provider's issuer identifier, without a trailing slash
 * @param clientId            this backend's client id at the provider (generated in embedded mode when not set)
 * @param clientSecret        its client secret (generated in embedded mode when not set); empty for a public client
 * @param clientGenerated     whether client id and secret were generated at this start
 * @param callbackUrl         the redirect URI registered at the provider; it lies on {@code externalUrl}
 * @param authorizeUrl        an override of the provider's authorization endpoint
 * @param caFile              a PEM bundle trusted for every call to the provider
 * @param allowedUsers        who may use the backend, by subject or user name (empty: no rule by user)
 * @param allowedGroups       who may use the backend, by group (empty: no rule by group)
 * @param extraScopes         scopes requested besides {@code openid profile email}
 * @param usernameClaim       the ID token claim that names the user
 * @param emailClaim          the ID token claim with the user's email
 * @param groupsClaim         the ID token claim with the user's groups
 * @param signingAlgorithms   the JWS algorithms accepted on ID tokens
 * @param pkce                whether logins send a PKCE code challenge (external mode)
 * @param providerPrettyName  the name the kube-bind CLI shows for this provider
 * @param sessions            the backend's own sessions and CLI tokens
 * @param verbosity           log verbosity; 2 and above logs each OIDC step
 */
public record Settings(
        OidcMode mode,
        URI externalUrl,
        URI issuerUrl,
        String clientId,
        Secret clientSecret,
        boolean clientGenerated,
        URI callbackUrl,
        Optional<URI> authorizeUrl,
        Optional<Path> caFile,
        Set<String> allowedUsers,
        Set<String> allowedGroups,
        List<String> extraScopes,
        String usernameClaim,
        String emailClaim,
        String groupsClaim,
        Set<String> signingAlgorithms,
        PkceMode pkce,
        String providerPrettyName,
        SessionSettings sessions,
        int verbosity) {

    public boolean embedded() {
        return mode == OidcMode.EMBEDDED;
    }

    /** A client without a secret (RFC 6749 §2.1): it authenticates by nothing but PKCE. */
    public boolean publicClient() {
        return clientSecret.reveal().isEmpty();
    }

    /** Whether an allow-list restricts who may use the backend. */
    public boolean restrictsUsers() {
        return !allowedUsers.isEmpty() || !allowedGroups.isEmpty();
    }

    /** OIDC Core 3.1.2.1: {@code openid} first, then the claims this backend shows, then the configured extras. */
    public String scopes() {
        StringBuilder scopes = new StringBuilder("openid profile email");
        for (String scope : extraScopes) {
            scopes.append(' ').append(scope);
        }
        return scopes.toString();
    }

    public boolean secure() {
        return "https".equals(externalUrl.getScheme());
    }
}
