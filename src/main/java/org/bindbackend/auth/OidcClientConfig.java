package org.bindbackend.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.bindbackend.auth.provider.OpenIdProvider;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;

/**
 * Feeds {@link OpenIdLogin}'s annotation from the settings: every attribute there is an EL expression
 * {@code ${oidcConfig.x}} naming a getter here (Jakarta Security 3.0, §2.4.4 "OpenID Connect Annotation").
 */
@Named("oidcConfig")
@ApplicationScoped
public class OidcClientConfig {

    @Inject
    BackendSettings backendSettings;

    @Inject
    OpenIdProvider provider;

    public String getProviderUri() {
        return settings().issuerUrl().toString();
    }

    public String getClientId() {
        return settings().clientId();
    }

    public String getClientSecret() {
        return settings().clientSecret().reveal();
    }

    public String getRedirectUri() {
        return settings().callbackUrl().toString();
    }

    public String getScopes() {
        return settings().scopes();
    }

    public String getUsernameClaim() {
        return settings().usernameClaim();
    }

    public String getGroupsClaim() {
        return settings().groupsClaim();
    }

    /**
     * {@code oidc.authorize-url} when set, else the discovered endpoint: a metadata attribute given in the annotation
     * always wins over discovery, so this getter must answer both cases. Fetching discovery here also checks its
     * issuer before the container uses it.
     */
    public String getAuthorizationEndpoint() throws ProviderException {
        Settings settings = settings();
        if (settings.authorizeUrl().isPresent()) {
            return settings.authorizeUrl().get().toString();
        }
        return provider.discovery().authorizationEndpoint().toString();
    }

    private Settings settings() {
        return backendSettings.get();
    }
}
