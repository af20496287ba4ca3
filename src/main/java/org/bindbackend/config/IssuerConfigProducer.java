package org.bindbackend.config;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.bindbackend.issuer.IssuerConfig;

/** Registers this backend, and only it, as the embedded provider's one client. */
@Dependent
public class IssuerConfigProducer {

    @Inject
    BackendSettings backendSettings;

    @Produces
    @Dependent
    IssuerConfig issuerConfig() {
        Settings settings = backendSettings.get();
        return new IssuerConfig(settings.issuerUrl(), settings.clientId(), settings.clientSecret().reveal(),
                settings.callbackUrl(), List.of(URI.create(settings.externalUrl() + "/")));
    }
}
