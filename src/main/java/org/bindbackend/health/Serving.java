package org.bindbackend.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.issuer.ActiveIssuer;
import org.bindbackend.login.relay.RelayListener;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when this replica can serve: its settings are valid and, in embedded mode, its provider exists and its
 * issuer URL reaches this server ({@link ProviderMonitor}), in external mode the relay the server's OpenID Connect
 * client goes through has its listener ({@code RelayListener}), so that logins can work. Not
 * whether an external provider answers: every replica shares it, and logged-in users and CLI tokens need it not,
 * so its outage must not take every replica out of service at once (Kubernetes' guidance on readiness probes).
 * Its reachability is watched apart, by {@link ProviderMonitor}. Anonymous: it says nothing but up or down.
 */
@Readiness
@ApplicationScoped
public class Serving implements HealthCheck {

    @Inject
    BackendSettings backendSettings;

    @Inject
    ActiveIssuer activeIssuer;

    @Inject
    ProviderMonitor monitor;

    @Inject
    RelayListener relayListener;

    @Override
    public HealthCheckResponse call() {
        return check();
    }

    /** Whether this replica can serve, for readiness and startup alike. */
    HealthCheckResponse check() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("bind-backend");
        if (!backendSettings.valid()) {
            return response.down().withData("reason", "invalid settings: see the log").build();
        }
        if (!backendSettings.get().embedded()) {
            return relayListener.listening() ? response.up().build()
                    : response.down().withData("reason", "the relay for the server's OpenID Connect client has no "
                            + "listener: see the log").build();
        }
        boolean ready = activeIssuer.get().isPresent() && monitor.embeddedLoginsWork();
        return ready ? response.up().build()
                : response.down().withData("reason", "the embedded provider's issuer URL does not reach this server: see the log").build();
    }
}
