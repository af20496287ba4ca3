package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bindbackend.answer.Answers;
import org.bindbackend.answer.Failure;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.http.Route;
import org.bindbackend.shared.FormEncoding;

/**
 * Serves nothing while the settings are invalid (health keeps answering), and hides the embedded provider unless
 * the mode is embedded. Both decisions follow the path the container routed the request by ({@link Route}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ConfigurationGate extends HttpFilter {

    @Inject
    BackendSettings backendSettings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Route route = Route.of(request);
        if (route == Route.SERVER_HEALTH || route == Route.LIVENESS) {
            // The server's MicroProfile Health endpoints pass through this application's filters on Payara, and the
            // kube-bind liveness answers "ok" while the process runs, configured or not.
            chain.doFilter(request, response);
            return;
        }
        if (!FormEncoding.wellFormed(request.getQueryString())) {
            Answers.send(request, response, route, Failure.malformedQuery());
            return;
        }
        if (!backendSettings.valid()) {
            Answers.send(request, response, route, Failure.notConfigured());
            return;
        }
        if (route == Route.EMBEDDED_PROVIDER && !backendSettings.get().embedded()) {
            Answers.send(request, response, route,
                    Failure.noEmbeddedProvider(backendSettings.get().issuerUrl().toString()));
            return;
        }
        chain.doFilter(request, response);
    }
}
