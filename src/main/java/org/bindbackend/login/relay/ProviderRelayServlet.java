package org.bindbackend.login.relay;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.http.Route;
import org.bindbackend.logs.Logs;
import org.bindbackend.provider.ProviderException;

/**
 * The relay on HTTP ({@link ProviderRelay}): GET for the key set and UserInfo, POST for the token endpoint. Any
 * request without the key, from elsewhere, or to an endpoint it does not relay is a bare 404; a provider that
 * cannot be used is a 502 or 504 to the container's client, which then refuses the login as it would have.
 */
@WebServlet(Route.RELAY_PATH + "/*")
public class ProviderRelayServlet extends HttpServlet {

    private static final Logger LOG = Logs.of(ProviderRelayServlet.class);

    @Inject
    transient ProviderRelay relay;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ProviderRelay.Endpoint> endpoint = relay.endpoint(request)
                .filter(e -> e != ProviderRelay.Endpoint.TOKEN);
        if (endpoint.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        relay(endpoint.get(), request, null, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ProviderRelay.Endpoint> endpoint = relay.endpoint(request)
                .filter(e -> e == ProviderRelay.Endpoint.TOKEN);
        if (endpoint.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(ProviderRelay.MAX_REQUEST_BYTES + 1);
        }
        if (body.length > ProviderRelay.MAX_REQUEST_BYTES) {
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        relay(endpoint.get(), request, body, response);
    }

    private void relay(ProviderRelay.Endpoint endpoint, HttpServletRequest request, byte[] body,
            HttpServletResponse response) throws IOException {
        ProviderRelay.Answer answer;
        try {
            answer = relay.forward(endpoint, request.getHeader("Authorization"), request.getContentType(), body);
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "The container''s {0} request could not be relayed: {1}",
                    new Object[] {endpoint, e.getMessage()});
            response.sendError(e.kind() == ProviderException.Kind.UNREACHABLE
                    ? HttpServletResponse.SC_GATEWAY_TIMEOUT : HttpServletResponse.SC_BAD_GATEWAY);
            return;
        }
        response.setStatus(answer.status());
        response.setContentType(answer.mediaType());
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
