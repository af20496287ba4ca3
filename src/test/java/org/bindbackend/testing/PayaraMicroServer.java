package org.bindbackend.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Payara Micro running the built WAR with the settings a test gives (as system properties), on 127.0.0.1,
 * for the tests that need a configuration of their own (invalid settings, external providers, several replicas).
 */
public final class PayaraMicroServer implements BackendServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final int port;
    private final Path log;
    private final Process process;

    private PayaraMicroServer(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a server with these settings (system properties); waits until the application is deployed. */
    static PayaraMicroServer start(int port, Map<String, String> settings, Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(port, settings, environment, List.of("--nohazelcast"));
    }

    /**
     * Starts a member of {@code grid}: Payara Micro's Hazelcast data grid over TCP on loopback, members found at the
     * grid's first port, host-aware partitioning off (on one host it would keep no backups).
     */
    static PayaraMicroServer startInGrid(int port, Map<String, String> settings, Grid grid)
            throws IOException, InterruptedException {
        return start(port, settings, Map.of(), List.of("--clustermode", "tcpip:" + grid.members(),
                "--interfaces", "127.0.0.1", "--startport", String.valueOf(grid.firstPort()),
                "--clustername", grid.name(), "--nohostaware"));
    }

    /**
     * Starts a server whose settings are MicroProfile Config properties of the domain, set by a post-boot asadmin
     * command file: what the admin console's Configurations > MicroProfile > Config page, or asadmin
     * {@code set-config-property}, writes on Payara Server.
     */
    static PayaraMicroServer startConfiguredByServer(int port, Map<String, String> settings)
            throws IOException, InterruptedException {
        StringBuilder commands = new StringBuilder();
        settings.forEach((key, value) -> commands.append("set-config-property --source=domain --propertyName=")
                .append(key).append(" --propertyValue=").append(value).append('\n'));
        Path postBoot = Files.writeString(Files.createTempFile("post-boot-", ".asadmin"), commands);
        return start(port, Map.of(), Map.of(), List.of("--nohazelcast", "--postbootcommandfile", postBoot.toString()));
    }

    private static PayaraMicroServer start(int port, Map<String, String> settings, Map<String, String> environment,
            List<String> options) throws IOException, InterruptedException {
        Path log = Files.createTempFile("payara-micro-" + port + "-", ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss1m"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", required("payara.microJar"),
                "--deploy", required("bind.war"),
                "--port", String.valueOf(port),
                "--disablephonehome",
                "--prebootcommandfile", Path.of(required("bind.serverConfig"), "payara", "pre-boot-commands.asadmin").toString()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        PayaraMicroServer server = new PayaraMicroServer(port, log, builder.start());
        if (!server.awaitDeployed()) {
            // Seen once in CI (Payara Micro 7, two busy cores): the server stopped in its own boot services, two
            // minutes before any application was deployed. That hang is the server's, not the WAR's, so it gets one
            // more boot; a hang once the WAR has logged anything fails the test.
            System.err.println("Payara Micro hung at boot before deploying the WAR; starting it again. Its threads:\n"
                    + server.threadDump());
            server.kill();
            server = new PayaraMicroServer(port, log, builder.start());
            if (!server.awaitDeployed()) {
                server.failToStart();
            }
        }
        return server;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public String log() throws IOException {
        return Files.readString(log);
    }

    /**
     * Waits until the application is deployed: true when it is, false when the server hung at boot before the WAR
     * logged anything; throws when the server exited or the WAR itself did not come up.
     */
    private boolean awaitDeployed() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + ":\n" + log());
            }
            if (log().contains("Payara Micro URLs")) {
                try {
                    client.send(HttpRequest.newBuilder(uri("/health/live")).build(), HttpResponse.BodyHandlers.discarding());
                    return true;
                } catch (IOException notYet) {
                    // the listener opens just after the log line
                }
            }
            Thread.sleep(200);
        }
        if (!log().contains("org.bindbackend")) {
            return false;
        }
        failToStart();
        return true;
    }

    private void failToStart() throws IOException {
        String startLog = log();
        close();
        throw new IllegalStateException("Payara Micro did not start within " + START_TIMEOUT + ":\n" + startLog);
    }

    private String threadDump() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return dump;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    @Override
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run the tests with mvn verify");
        }
        return value;
    }
}
