package org.bindbackend.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A web server of another origin than the backend's, on 127.0.0.1 and a free port, that a browser is sent to: the
 * kube-bind CLI's listener, or a web UI. It answers every GET with a small page and keeps what it was asked.
 */
public final class LoopbackListener implements AutoCloseable {

    /** The title of the page it answers, for a browser test to wait for. */
    public static final String TITLE = "Listener reached";

    private final HttpServer server;
    private final BlockingQueue<URI> received = new LinkedBlockingQueue<>();

    private LoopbackListener(HttpServer server) {
        this.server = server;
    }

    public static LoopbackListener start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LoopbackListener listener = new LoopbackListener(server);
        server.createContext("/", listener::answer);
        server.start();
        return listener;
    }

    /** {@code http://127.0.0.1:<port>}: its origin. */
    public URI origin() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * The next request for {@code path} it receives (path and query), within {@code timeout}; requests for other
     * paths (a browser's favicon, an earlier test's) are passed over.
     */
    public URI next(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            URI next = received.poll(left, TimeUnit.NANOSECONDS);
            if (next != null && path.equals(next.getPath())) {
                return next;
            }
        }
        throw new AssertionError("No request for " + path + " reached " + origin() + " within " + timeout);
    }

    private void answer(HttpExchange exchange) throws IOException {
        received.add(exchange.getRequestURI());
        byte[] page = ("<!DOCTYPE html><title>" + TITLE + "</title><p>ok</p>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
