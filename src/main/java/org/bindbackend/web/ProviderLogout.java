package org.bindbackend.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.logs.Logs;
import org.bindbackend.provider.ProviderClient;
import org.bindbackend.provider.ProviderException;
import org.bindbackend.shared.FormEncoding;

/**
 * Logging out at the provider too ({@code oidc.end-provider-session}, OpenID Connect RP-Initiated Logout 1.0 §2):
 * where the browser goes after the backend's logout, and so where the home page's logout form may lead.
 */
@ApplicationScoped
public class ProviderLogout {

    private static final Logger LOG = Logs.of(ProviderLogout.class);

    @Inject
    BackendSettings backendSettings;

    @Inject
    ProviderClient provider;

    /**
     * The provider's end-session endpoint, when the setting is on and the provider has one: where the home page's
     * logout form may lead.
     */
    Optional<URI> endpoint() {
        try {
            return endSession();
        } catch (ProviderException e) {
            return Optional.empty();
        }
    }

    /** Where the browser goes after logging out here: the end-session endpoint, asked to come back home. */
    Optional<String> location() {
        Settings settings = backendSettings.get();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("client_id", settings.clientId());
        parameters.put("post_logout_redirect_uri", settings.externalUrl() + "/");
        try {
            return endSession().map(uri -> FormEncoding.withParameters(uri.toString(), parameters));
        } catch (ProviderException e) {
            // FINE: the provider client said it cannot be used, once; anyone may post a logout as often as they like.
            LOG.log(Level.FINE, "Logged out here, but the provider''s session could not be ended: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<URI> endSession() throws ProviderException {
        return backendSettings.get().sessions().endProviderSession() ? provider.discovery().endSessionEndpoint()
                : Optional.empty();
    }
}
