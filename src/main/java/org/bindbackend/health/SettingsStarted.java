package org.bindbackend.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.issuer.EmbeddedProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the settings are valid and, in embedded mode, the provider's signing key exists. */
@Startup
@ApplicationScoped
public class SettingsStarted implements HealthCheck {

    @Inject
    BackendSettings backendSettings;

    @Inject
    EmbeddedProvider embeddedProvider;

    @Override
    public HealthCheckResponse call() {
        boolean started = backendSettings.valid() && (!backendSettings.get().embedded() || embeddedProvider.active().isPresent());
        return HealthCheckResponse.named("settings").status(started).build();
    }
}
