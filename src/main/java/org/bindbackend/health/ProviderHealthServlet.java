package org.bindbackend.health;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.provider.ProviderClient;
import org.bindbackend.provider.ProviderStatus;
import org.bindbackend.shared.JsonBuilders;

/**
 * {@code GET /healthz/oidc-provider}: whether the provider could be used when last asked (by a login, or by
 * {@link ProviderMonitor} in the background), in the MicroProfile Health response format (200 UP, 503 DOWN), for operators to alert
 * on. Apart from {@code /health/ready} on purpose: neither Payara nor Open Liberty implements health groups, and a
 * provider outage must not make replicas unready. It says when it checked, never what failed or where.
 */
@WebServlet("/healthz/oidc-provider")
public class ProviderHealthServlet extends HttpServlet {


    @Inject
    transient ProviderClient provider;

    @Inject
    transient BackendSettings backendSettings;

    @Inject
    transient ProviderMonitor monitor;

    @Inject
    transient Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Embedded: the provider is this server, usable when its issuer URL reaches it.
        Instant now = clock.instant();
        ProviderStatus status = backendSettings.get().embedded()
                ? new ProviderStatus(monitor.embeddedLoginsWork(), provider.status().map(ProviderStatus::checked)
                        .orElse(now))
                : provider.status().orElse(new ProviderStatus(false, now));
        String state = status.up() ? "UP" : "DOWN";
        response.setStatus(status.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(JsonBuilders.object()
                .add("status", state)
                .add("checks", JsonBuilders.array().add(JsonBuilders.object()
                        .add("name", "oidc-provider")
                        .add("status", state)
                        .add("data", JsonBuilders.object().add("checked-seconds-ago",
                                Duration.between(status.checked(), now).toSeconds()))))
                .build().toString());
    }
}
