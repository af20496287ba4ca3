package org.bindbackend.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.http.Route;
import org.bindbackend.issuer.ActiveIssuer;
import org.bindbackend.issuer.EmbeddedIssuer;
import org.bindbackend.issuer.IssuerConfig;
import org.bindbackend.issuer.IssuerKeys;
import org.bindbackend.issuer.IssuerLimits;

/**
 * Makes the embedded issuer in embedded mode, and only then: with this backend, and only it, registered as its
 * one client, a signing key of its own, the backend's clock and the default limits. In external mode nothing is
 * made, so the real client's secret never reaches the issuer's code.
 */
@ApplicationScoped
public class EmbeddedIssuerWiring implements ActiveIssuer {

    @Inject
    BackendSettings backendSettings;

    @Inject
    Clock clock;

    private volatile Optional<EmbeddedIssuer> issuer;

    @Override
    public Optional<EmbeddedIssuer> get() {
        Optional<EmbeddedIssuer> made = issuer;
        if (made == null) {
            synchronized (this) {
                if (issuer == null) {
                    issuer = backendSettings.current().filter(Settings::embedded).map(this::make);
                }
                made = issuer;
            }
        }
        return made;
    }

    private EmbeddedIssuer make(Settings settings) {
        IssuerConfig config = new IssuerConfig(settings.issuerUrl(), settings.clientId(),
                settings.clientSecret().reveal(), settings.callbackUrl(), List.of(URI.create(settings.externalUrl() + "/")),
                Optional.of(URI.create(settings.externalUrl() + Route.BACK_CHANNEL_LOGOUT_PATH)));
        return new EmbeddedIssuer(config, IssuerKeys.generate(), clock, IssuerLimits.DEFAULTS);
    }
}
