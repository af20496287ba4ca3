package org.bindbackend.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application answers at all: neither invalid settings nor an unreachable provider make it
 * DOWN, because restarting the process fixes neither (readiness reports those).
 */
@Liveness
@ApplicationScoped
public class Alive implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("bind-backend").up()
                .withData("uptime-seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000)
                .build();
    }
}
