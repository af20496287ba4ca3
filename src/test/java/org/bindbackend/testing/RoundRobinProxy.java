package org.bindbackend.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain load balancer in front of replicas, as a Kubernetes Service is: each request goes to the next replica in
 * turn, with no affinity of any kind, and a replica that does not answer is skipped. Requests and answers pass
 * unchanged but for the hop-by-hop headers (RFC 9110 §7.6.1), Host included, as a layer-4 balancer passes it (the
 * tests run with {@code jdk.httpclient.allowRestrictedHeaders=host} for that); redirects are passed back.
 */
public final class RoundRobinProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-authorization", "proxy-authenticate", "content-length", "expect");

    private final HttpServer server;
    private final Map<String, String> added;
    private final List<URI> replicas = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private RoundRobinProxy(HttpServer server, Map<String, String> added) {
        this.server = server;
        this.added = added;
    }

    /** A proxy on a port of its own; {@link #port()} tells which, before any replica is added. */
    public static RoundRobinProxy start() throws IOException {
        return start(Map.of());
    }

    /**
     * A proxy that says whom it forwards for, as nginx, an ingress controller or a sidecar does: each request gets
     * {@code X-Forwarded-For}, {@code X-Real-IP} (both {@code client}) and {@code X-Forwarded-Proto: http}, in place
     * of any the caller sent.
     */
    public static RoundRobinProxy forwardingFor(String client) throws IOException {
        return start(Map.of("X-Forwarded-For", client, "X-Real-IP", client, "X-Forwarded-Proto", "http"));
    }

    private static RoundRobinProxy start(Map<String, String> added) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RoundRobinProxy proxy = new RoundRobinProxy(server, added);
        server.createContext("/", proxy::forward);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return proxy;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}: the one URL users and the replicas' external-url name. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public void add(BackendServer replica) {
        replicas.add(URI.create("http://127.0.0.1:" + replica.port()));
    }

    public void remove(BackendServer replica) {
        replicas.remove(URI.create("http://127.0.0.1:" + replica.port()));
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        IOException last = null;
        for (int attempt = 0; attempt < replicas.size(); attempt++) {
            URI replica = replicas.get(Math.floorMod(next.getAndIncrement(), replicas.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(replica.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && added.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            added.forEach(request::header);
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException replicaDown) {
                last = replicaDown;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
            return;
        }
        exchange.sendResponseHeaders(502, -1);
        exchange.close();
        if (last != null) {
            throw last;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
