package org.bindbackend.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built WAR running on a real server with the settings a test gives, on 127.0.0.1: Payara Micro by default,
 * Open Liberty when the tests run with {@code -Dbind.runtime=liberty}. The same tests prove both.
 */
public interface BackendServer extends AutoCloseable {

    /** Starts the backend with these settings on a free port; {@code external-url} defaults to that port. */
    static BackendServer start(Map<String, String> settings) throws IOException, InterruptedException {
        return start(PayaraMicroServer.freePort(), settings, Map.of());
    }

    static BackendServer start(int port, Map<String, String> settings, Map<String, String> environment)
            throws IOException, InterruptedException {
        return switch (runtime()) {
            case "payara" -> PayaraMicroServer.start(port, reachedOn(port, settings), environment);
            case "liberty" -> LibertyServer.start(port, reachedOn(port, settings), environment);
            default -> throw new IllegalStateException("Unknown bind.runtime " + runtime() + ": payara or liberty");
        };
    }

    /**
     * Starts the backend with its settings in the server's own configuration rather than in system properties:
     * Payara's domain config properties (admin console, asadmin {@code set-config-property}), Liberty's
     * server.xml {@code <variable>} elements.
     */
    static BackendServer startConfiguredByServer(Map<String, String> settings) throws IOException, InterruptedException {
        int port = PayaraMicroServer.freePort();
        return switch (runtime()) {
            case "payara" -> PayaraMicroServer.startConfiguredByServer(port, reachedOn(port, settings));
            case "liberty" -> LibertyServer.startConfiguredByServer(port, reachedOn(port, settings));
            default -> throw new IllegalStateException("Unknown bind.runtime " + runtime() + ": payara or liberty");
        };
    }

    /**
     * Starts the backend with these settings, and others read from the files of {@code directory} (one file per
     * setting, named by its key), the way a Kubernetes ConfigMap mounted as a volume gives them, through the
     * backend's own settings directory ({@code BIND_SETTINGS_DIR}).
     */
    static BackendServer startReading(Path directory, Map<String, String> settings)
            throws IOException, InterruptedException {
        return start(PayaraMicroServer.freePort(), settings, Map.of("BIND_SETTINGS_DIR", directory.toString()));
    }

    /** Starts a member of {@code grid} with these settings, clustering on. */
    static BackendServer startInGrid(int port, Map<String, String> settings, Grid grid)
            throws IOException, InterruptedException {
        Map<String, String> clustered = new LinkedHashMap<>(reachedOn(port, settings));
        clustered.put("cluster", "true");
        return switch (runtime()) {
            case "payara" -> PayaraMicroServer.startInGrid(port, clustered, grid);
            case "liberty" -> LibertyServer.startInGrid(port, clustered, grid);
            default -> throw new IllegalStateException("Unknown bind.runtime " + runtime() + ": payara or liberty");
        };
    }

    /** The settings with {@code external-url} defaulting to the port the tests reach the server on. */
    private static Map<String, String> reachedOn(int port, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("external-url", "http://127.0.0.1:" + port);
        all.putAll(settings);
        return all;
    }

    /** The server the tests run against, from {@code -Dbind.runtime}. */
    static String runtime() {
        return System.getProperty("bind.runtime", "payara");
    }

    /** A URL of the backend, as tests reach it. */
    default URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    int port();

    /** The process id of the server's JVM, for tools that look into it ({@link LiveHeap}). */
    long pid();

    /** Everything the server logged so far. */
    String log() throws IOException;

    /**
     * Everything the server wrote about itself so far: {@link #log()} and, on Open Liberty, its FFDC incident reports
     * (logs/ffdc), which hold the exceptions it caught with their messages.
     */
    default String everythingWritten() throws IOException {
        return log();
    }

    /** Ends the server at once, as a crash or an out-of-memory kill would: no shutdown, no goodbye to the grid. */
    void kill();

    @Override
    void close();
}
