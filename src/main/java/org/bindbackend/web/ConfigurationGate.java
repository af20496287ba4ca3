package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.bindbackend.api.ApiError;
import org.bindbackend.config.BackendSettings;

/**
 * Serves nothing while the settings are invalid (health lives outside this application and keeps answering),
 * and hides the embedded provider's {@code /oidc} endpoints unless the mode is embedded.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ConfigurationGate extends HttpFilter {

    private static final String HEALTH = "/health";
    private static final Set<String> LIVENESS = Set.of("/healthz", "/api/healthz");

    @Inject
    BackendSettings backendSettings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals(HEALTH) || path.startsWith(HEALTH + "/") || LIVENESS.contains(path)) {
            // The server's MicroProfile Health endpoints pass through this application's filters on Payara, and the
            // kube-bind liveness answers "ok" while the process runs, configured or not.
            chain.doFilter(request, response);
            return;
        }
        if (!backendSettings.valid()) {
            if (JsonCaller.wants(request, path)) {
                JsonCaller.write(response, new ApiError(503, ApiError.Code.SERVICE_UNAVAILABLE,
                        "The backend is not configured", "The server log names each setting to fix."));
            } else {
                Pages.notConfigured(response);
            }
            return;
        }
        if ((path.equals("/oidc") || path.startsWith("/oidc/")) && !backendSettings.get().embedded()) {
            JsonCaller.write(response, new ApiError(404, ApiError.Code.RESOURCE_NOT_FOUND,
                    "No embedded provider", "oidc.type is external: log in at " + backendSettings.get().issuerUrl()));
            return;
        }
        chain.doFilter(request, response);
    }
}
