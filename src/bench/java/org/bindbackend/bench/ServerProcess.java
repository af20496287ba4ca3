package org.bindbackend.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A server the benchmark started in a process of its own, on 127.0.0.1, with its console in a log file. Its CPU
 * time and memory are read from the JVM's own process: the process started, or, for a launcher script like
 * Keycloak's {@code kc.sh}, the {@code java} process below it.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final long startedNanos;
    private final Path log;
    private final int port;
    private ProcessHandle java;

    private ServerProcess(String name, Process process, long startedNanos, Path log, int port) {
        this.name = name;
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code command} with {@code environment} added, its output into {@code log}. */
    static ServerProcess start(String name, List<String> command, Map<String, String> environment, Path log, int port)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new ServerProcess(name, builder.start(), started, log, port);
    }

    /** A Payara Micro serving {@code war}, with {@code properties} as system properties, like docker/bind-backend. */
    static ServerProcess payaraMicro(String name, Path payaraMicroJar, Path war, Path preBootCommands, int port,
            List<String> jvmOptions, Map<String, String> properties, Path log) throws IOException {
        return payaraMicro(name, payaraMicroJar, war, preBootCommands, port, jvmOptions, properties, List.of("--nohazelcast"),
                log);
    }

    /** Payara Micro with these data grid options ({@code --nohazelcast}, or a cluster to join). */
    static ServerProcess payaraMicro(String name, Path payaraMicroJar, Path war, Path preBootCommands, int port,
            List<String> jvmOptions, Map<String, String> properties, List<String> grid, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", payaraMicroJar.toString(), "--deploy", war.toString(),
                "--port", String.valueOf(port), "--disablephonehome",
                "--prebootcommandfile", preBootCommands.toString()));
        command.addAll(grid);
        return start(name, command, Map.of(), log, port);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /**
     * As {@link #awaitReady}, but a server that does not get ready is stopped before the failure is thrown, so that
     * no failed start leaves a server running.
     */
    Duration awaitReadyOrStop(String path, Predicate<String> accepts, Duration timeout)
            throws IOException, InterruptedException {
        try {
            return awaitReady(path, accepts, timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Waits until GET {@code path} answers 200 with a body {@code accepts}; returns the time since the process was
     * started.
     */
    Duration awaitReady(String path, Predicate<String> accepts, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log: " + log
                        + "\n" + tail());
            }
            try {
                HttpResponse<String> response = PROBE.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && accepts.test(response.body())) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " did not answer " + uri(path) + " within " + timeout + "; log: " + log
                + "\n" + tail());
    }

    /** The server's JVM: the process started, or the {@code java} process a launcher script started. */
    synchronized ProcessHandle java() {
        if (java == null || !java.isAlive()) {
            java = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                    .filter(handle -> handle.info().command().map(command -> command.endsWith("/java")).orElse(false))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " has no java process"));
        }
        return java;
    }

    long cpuNanos() {
        return ProcStats.cpuNanos(java().pid());
    }

    /** The server's CPU accounting for {@link Load}: all its threads, and its JIT compiler threads. */
    Load.ServerCpu cpu() {
        return new Load.ServerCpu() {
            @Override
            public long totalNanos() {
                return cpuNanos();
            }

            @Override
            public long compilerNanos() {
                return ProcStats.compilerCpuNanos(java().pid());
            }
        };
    }

    long rssKib() {
        return ProcStats.rssKib(java().pid());
    }

    String tail() throws IOException {
        String text = Files.readString(log);
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    /** Stops the server and everything it started: politely, then by force. */
    @Override
    public void close() {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                handle.destroyForcibly();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
