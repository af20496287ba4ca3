package org.bindbackend.login.relay;

import com.sun.net.httpserver.HttpServer;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ServiceConfigurationError;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.logs.Logs;
import org.bindbackend.provider.ProviderException;
import org.bindbackend.shared.Causes;

/**
 * The relay's own listener: an HTTP server of the JDK ({@code com.sun.net.httpserver}) that the backend opens at
 * start in external mode, on the loopback interface only and on a port the system picks, and closes when the
 * application stops. The server's public listener has no relay at all, so no proxy, sidecar or forwarded header in
 * front of it can reach the relay, and nothing needs setting up: no port to choose, no listener to declare in the
 * server's configuration (Payara Micro, Payara Server and Open Liberty alike).
 *
 * <p>Its requests are handled on the server's default managed executor (Jakarta Concurrency 3.0 §3.1), with the
 * application's context. Without a listener no external login can work: one SEVERE line says so at start, and the
 * replica is not ready ({@code health.Serving}).
 */
@ApplicationScoped
public class RelayListener {

    private static final Logger LOG = Logs.of(RelayListener.class);
    /** Connections waiting to be accepted: the container's client makes a few per login. */
    private static final int BACKLOG = 50;

    @Inject
    BackendSettings backendSettings;

    @Inject
    ProviderRelay relay;

    @Resource
    ManagedExecutorService executor;

    private HttpServer server;
    private volatile URI base;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (backendSettings.valid() && !backendSettings.get().embedded()) {
            open();
        }
    }

    private synchronized void open() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try {
            HttpServer opened = HttpServer.create(new InetSocketAddress(loopback, 0), BACKLOG);
            opened.createContext("/", new RelayExchange(relay));
            opened.setExecutor(executor);
            opened.start();
            server = opened;
            String host = loopback.getHostAddress().contains(":") ? "[" + loopback.getHostAddress() + "]"
                    : loopback.getHostAddress();
            base = URI.create("http://" + host + ":" + opened.getAddress().getPort());
            LOG.info("The server's OpenID Connect client reaches the provider through the backend's relay at " + base
                    + ", a listener of the backend's own on the loopback interface only");
        } catch (IOException | RuntimeException | LinkageError | ServiceConfigurationError e) {
            // LinkageError: a Java runtime without the module jdk.httpserver; ServiceConfigurationError: one whose
            // HTTP server provider (the system property com.sun.net.httpserver.HttpServerProvider) does not load.
            String why = Causes.of(e).map(Throwable::toString).collect(Collectors.joining(", caused by "));
            LOG.severe("External logins cannot work: the backend's relay could not open its listener on "
                    + loopback.getHostAddress() + " (" + why + "); the server's OpenID Connect client reaches the "
                    + "provider only through it, so this replica is not ready. The Java runtime must have the module "
                    + "jdk.httpserver and a loopback interface.");
        }
    }

    @PreDestroy
    synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
            base = null;
        }
    }

    /** Whether the relay listens, so that external logins can work. */
    public boolean listening() {
        return base != null;
    }

    /**
     * {@code http://127.0.0.1:<port>}, where the relay listens: the provider's URL as the container's client is given
     * it, which fetches the discovery document below it ({@link ProviderRelay.Endpoint#DISCOVERY}).
     */
    public String base() throws ProviderException {
        URI known = base;
        if (known == null) {
            throw new ProviderException(ProviderException.Kind.UNREACHABLE, URI.create("http://localhost"),
                    "cannot be reached by the server's OpenID Connect client: the backend's relay has no listener "
                            + "(the log says why at start)", null);
        }
        return known.toString();
    }

    /** The relay URL of {@code endpoint}, as the container's client is given it. */
    public String url(ProviderRelay.Endpoint endpoint) throws ProviderException {
        return base() + endpoint.path();
    }
}
