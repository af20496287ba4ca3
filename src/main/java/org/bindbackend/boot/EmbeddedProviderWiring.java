package org.bindbackend.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.issuer.EmbeddedProvider;
import org.bindbackend.issuer.IssuerConfig;
import org.bindbackend.issuer.IssuerKeys;
import org.bindbackend.issuer.IssuerLimits;
import org.bindbackend.issuer.EmbeddedIssuer;

/**
 * Makes the embedded provider in embedded mode, and only then: with this backend, and only it, registered as its
 * one client, a signing key of its own, the system clock and the default limits. In external mode nothing is
 * made, so the real client's secret never reaches the provider's code.
 */
@ApplicationScoped
public class EmbeddedProviderWiring implements EmbeddedProvider {

    @Inject
    BackendSettings backendSettings;

    private volatile Optional<EmbeddedIssuer> provider;

    @Override
    public Optional<EmbeddedIssuer> active() {
        Optional<EmbeddedIssuer> made = provider;
        if (made == null) {
            synchronized (this) {
                if (provider == null) {
                    provider = backendSettings.current().filter(Settings::embedded).map(EmbeddedProviderWiring::make);
                }
                made = provider;
            }
        }
        return made;
    }

    private static EmbeddedIssuer make(Settings settings) {
        IssuerConfig config = new IssuerConfig(settings.issuerUrl(), settings.clientId(),
                settings.clientSecret().reveal(), settings.callbackUrl(), List.of(URI.create(settings.externalUrl() + "/")));
        return new EmbeddedIssuer(config, IssuerKeys.generate(), Clock.systemUTC(), IssuerLimits.DEFAULTS);
    }
}
