package org.bindbackend.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URI;
import java.util.Optional;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.http.Loopback;
import org.bindbackend.http.Route;
import org.bindbackend.login.relay.ProviderRelay;
import org.bindbackend.login.relay.RelayListener;
import org.bindbackend.provider.ProviderClient;
import org.bindbackend.provider.ProviderException;

/**
 * Feeds {@link ContainerMechanismDefinition}'s annotation from the settings: every attribute there is an EL expression
 * {@code ${oidcConfig.x}} naming a getter here (Jakarta Security 3.0, §2.4.4 "OpenID Connect Annotation").
 */
@Named("oidcConfig")
@ApplicationScoped
public class ContainerMechanismConfig {

    @Inject
    BackendSettings backendSettings;

    @Inject
    ProviderClient provider;

    @Inject
    ProviderRelay relay;

    @Inject
    RelayListener relayListener;

    /** The provider as the container reaches it: in external mode the relay ({@link ProviderRelay}). */
    public String getProviderUri() throws ProviderException {
        Settings settings = settings();
        return settings.embedded() ? settings.issuerUrl().toString() : relayListener.base();
    }

    public String getClientId() {
        return settings().clientId();
    }

    /**
     * In external mode the relay's key, never the real secret: the relay takes it from the container's token request
     * and sends the real client authentication in its place ({@link ProviderRelay}).
     */
    public String getClientSecret() {
        Settings settings = settings();
        return settings.embedded() ? settings.clientSecret().reveal() : relay.containerClientSecret();
    }

    public String getRedirectUri() {
        return settings().callbackUrl().toString();
    }

    /**
     * Where the container sends the browser when the backend ends the container's own authentication: the login's
     * start, once more ({@code web.LoginStartServlet}). Without it the container would send the browser to the
     * provider itself, with a state the backend never saw.
     */
    public String getLogoutRedirectUri() {
        return settings().externalUrl() + Route.LOGIN_START_PATH + "?" + Route.LOGIN_START_AGAIN;
    }

    /**
     * Whether the container keeps a login's state and nonce in its HTTP session (one replica) rather than in cookies
     * (any replica). Cookies whenever browsers keep them: the container's are always Secure, which browsers drop
     * over plain http except from this machine, so a plain-http backend on another host keeps the session.
     */
    public boolean getUseSession() {
        Settings settings = settings();
        return !settings.secure() && !Loopback.isLoopback(settings.externalUrl().getHost());
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

    /**
     * The token endpoint the container calls: in external mode the relay's ({@link ProviderRelay}), which bounds the
     * provider's answer; in embedded mode the provider in this WAR, directly.
     */
    public String getTokenEndpoint() throws ProviderException {
        return relayed(ProviderRelay.Endpoint.TOKEN, provider.discovery().tokenEndpoint());
    }

    /** The UserInfo endpoint the container calls, as {@link #getTokenEndpoint()}; empty when the provider has none. */
    public String getUserinfoEndpoint() throws ProviderException {
        Optional<URI> userinfo = provider.discovery().userinfoEndpoint();
        return userinfo.isEmpty() ? "" : relayed(ProviderRelay.Endpoint.USERINFO, userinfo.get());
    }

    /** The key set the container verifies ID tokens with, as {@link #getTokenEndpoint()}. */
    public String getJwksUri() throws ProviderException {
        return relayed(ProviderRelay.Endpoint.JWKS, provider.discovery().jwksUri());
    }

    private String relayed(ProviderRelay.Endpoint endpoint, URI direct) throws ProviderException {
        return settings().embedded() ? direct.toString() : relayListener.url(endpoint);
    }

    private Settings settings() {
        return backendSettings.get();
    }
}
