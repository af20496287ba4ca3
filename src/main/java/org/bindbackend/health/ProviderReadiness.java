package org.bindbackend.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bindbackend.auth.provider.OpenIdProvider;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.issuer.EmbeddedProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when logins can work: the settings are valid and the provider is usable (embedded: its signing key
 * exists; external: its discovery document and JWKS can be fetched right now).
 */
@Readiness
@ApplicationScoped
public class ProviderReadiness implements HealthCheck {

    @Inject
    BackendSettings backendSettings;

    @Inject
    EmbeddedProvider embeddedProvider;

    @Inject
    OpenIdProvider provider;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("oidc-provider");
        if (!backendSettings.valid()) {
            return response.down().withData("reason", "invalid settings: see the log").build();
        }
        Settings settings = backendSettings.get();
        response.withData("mode", settings.mode().value()).withData("issuer", settings.issuerUrl().toString());
        if (settings.embedded()) {
            return response.status(embeddedProvider.active().isPresent()).build();
        }
        try {
            provider.probe();
            return response.up().build();
        } catch (ProviderException e) {
            return response.down().withData("reason", e.getMessage()).build();
        }
    }
}
