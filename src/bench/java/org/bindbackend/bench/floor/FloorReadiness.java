package org.bindbackend.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A readiness check of the floor's own, so that {@code /health/ready} waits for the application like the backend's. */
@Readiness
@ApplicationScoped
public class FloorReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up("floor");
    }
}
