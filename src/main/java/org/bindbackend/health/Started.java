package org.bindbackend.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once this replica can serve, as {@link Serving} says. A class of its own: Payara registers a check with
 * both the readiness and the startup qualifier as a readiness check only.
 */
@Startup
@ApplicationScoped
public class Started implements HealthCheck {

    @Inject
    @Readiness
    Serving serving;

    @Override
    public HealthCheckResponse call() {
        return serving.check();
    }
}
