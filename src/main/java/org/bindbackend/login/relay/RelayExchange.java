package org.bindbackend.login.relay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;
import org.bindbackend.provider.ProviderException;

/**
 * One request to the relay's listener ({@link RelayListener}) over HTTP: GET for the discovery document, the key set
 * and UserInfo, POST for the token endpoint. Any other path or method is a bare 404 and a larger body a 413; a
 * provider that cannot be used is a 502 or 504 to the container's client, which then refuses the login as it would
 * have. The answer carries the provider's status, media type and body, nothing else.
 */
final class RelayExchange implements HttpHandler {

    private static final Logger LOG = Logs.of(RelayExchange.class);

    private final ProviderRelay relay;

    RelayExchange(ProviderRelay relay) {
        this.relay = relay;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            ProviderRelay.Answer answer = answer(exchange);
            byte[] body = answer.body();
            exchange.getResponseHeaders().set("Content-Type", answer.mediaType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    private ProviderRelay.Answer answer(HttpExchange exchange) throws IOException {
        Optional<ProviderRelay.Endpoint> endpoint = ProviderRelay.Endpoint.ofPath(exchange.getRequestURI().getRawPath())
                .filter(e -> exchange.getRequestMethod().equals(e == ProviderRelay.Endpoint.TOKEN ? "POST" : "GET"));
        if (endpoint.isEmpty()) {
            return bare(404);
        }
        byte[] body = null;
        if (endpoint.get() == ProviderRelay.Endpoint.TOKEN) {
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(ProviderRelay.MAX_REQUEST_BYTES + 1);
            }
            if (body.length > ProviderRelay.MAX_REQUEST_BYTES) {
                relay.refusedAsTooLarge(endpoint.get());
                exchange.getResponseHeaders().set("Connection", "close");
                return bare(413);
            }
        }
        try {
            return relay.forward(endpoint.get(), exchange.getRequestHeaders().getFirst("Authorization"), body);
        } catch (ProviderException e) {
            LOG.log(Level.WARNING, "The container''s {0} request could not be relayed: {1}",
                    new Object[] {endpoint.get(), e.getMessage()});
            return bare(e.kind() == ProviderException.Kind.UNREACHABLE ? 504 : 502);
        }
    }

    private static ProviderRelay.Answer bare(int status) {
        return new ProviderRelay.Answer(status, "text/plain", ("HTTP " + status).getBytes(StandardCharsets.US_ASCII));
    }
}
