package org.bindbackend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Payara Server domain running the built WAR, administered as an operator would, with {@code asadmin}: a new
 * domain in a temporary directory, created from the distribution the build unpacked ({@code payara.serverHome}),
 * every listener on 127.0.0.1 and on free ports, its data grid off; the backend's settings are MicroProfile Config
 * properties of the domain ({@code set-config-property --source=domain}, what the admin console's Configurations >
 * server-config > MicroProfile > Config page writes), set before the WAR is deployed and changed while it runs.
 */
public final class PayaraServerDomain implements BackendServer {

    private static final String DOMAIN = "bind-backend";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(4);
    /** The ports create-domain derives from --portbase (Payara 6.2025.9), as offsets from it. */
    private static final List<Integer> PORT_OFFSETS = List.of(9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86);

    private final Path home;
    private final Path domains;
    private final int portBase;

    private PayaraServerDomain(Path home, Path domains, int portBase) {
        this.home = home;
        this.domains = domains;
        this.portBase = portBase;
    }

    /** Whether the build unpacked Payara Server for this run (the Payara Micro 6 run only). */
    public static boolean available() {
        String home = System.getProperty("payara.serverHome", "");
        return !home.isEmpty() && Files.isDirectory(Path.of(home));
    }

    /** Creates and starts a domain, sets {@code settings} as domain properties, and deploys the WAR at the root. */
    public static PayaraServerDomain start(Map<String, String> settings)
            throws IOException, InterruptedException {
        PayaraServerDomain domain = new PayaraServerDomain(Path.of(System.getProperty("payara.serverHome")),
                Files.createTempDirectory("payara-server-"), freePortBase());
        domain.asadmin("create-domain", "--nopassword", "--portbase", String.valueOf(domain.portBase),
                "--domaindir", domain.domains.toString(), DOMAIN);
        domain.bindToLoopback();
        domain.asadmin("start-domain", "--domaindir", domain.domains.toString(), DOMAIN);
        try {
            // One asadmin for all of it (multimode, as server-config/payara/post-boot-commands.asadmin is applied):
            // each asadmin is a JVM of its own, seconds each on a busy machine.
            Map<String, String> all = new LinkedHashMap<>(Map.of("external-url", "http://127.0.0.1:" + domain.port()));
            all.putAll(settings);
            StringBuilder commands = new StringBuilder();
            all.forEach((name, value) -> commands.append("set-config-property --source=domain --propertyName=")
                    .append(name).append(" --propertyValue=").append(value).append('\n'));
            commands.append("deploy --contextroot / --name bind-backend ").append(required("bind.war")).append('\n');
            Path file = Files.writeString(Files.createTempFile("asadmin-", ".txt"), commands);
            domain.admin("multimode", "--file", file.toString());
            Files.delete(file);
            domain.awaitReady();
        } catch (IOException | RuntimeException | InterruptedException | Error e) {
            domain.close();
            throw e;
        }
        return domain;
    }

    /** {@code asadmin set-config-property --source=domain}: the admin console's MicroProfile Config page. */
    public void setConfigProperty(String name, String value) throws IOException, InterruptedException {
        admin("set-config-property", "--source=domain", "--propertyName=" + name, "--propertyValue=" + value);
    }

    @Override
    public int port() {
        return portBase + 80;
    }

    /** The domain's server.log. */
    @Override
    public String log() throws IOException {
        Path log = domains.resolve(DOMAIN).resolve("logs").resolve("server.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The domain's JVM, as its pid file names it. */
    @Override
    public long pid() {
        try {
            return Long.parseLong(Files.readString(domains.resolve(DOMAIN).resolve("config").resolve("pid")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void kill() {
        ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** Stops the domain and deletes it. */
    @Override
    public void close() {
        try {
            asadmin("stop-domain", "--domaindir", domains.toString(), DOMAIN);
        } catch (IOException | RuntimeException e) {
            kill();
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        } finally {
            try (Stream<Path> paths = Files.walk(domains)) {
                paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // a temporary directory: the system cleans it up eventually
            }
        }
    }

    /**
     * A new domain listens on every interface; its listeners are bound to 127.0.0.1 in its domain.xml before its
     * first start, and its data grid (Hazelcast, which would listen on every interface) is turned off.
     */
    private void bindToLoopback() throws IOException {
        Path domainXml = domains.resolve(DOMAIN).resolve("config").resolve("domain.xml");
        String xml = Files.readString(domainXml)
                .replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"")
                .replaceAll("<network-listener (?![^>]*address=)", "<network-listener address=\"127.0.0.1\" ")
                .replace("<hazelcast-config-specific-configuration",
                        "<hazelcast-config-specific-configuration enabled=\"false\"");
        Files.writeString(domainXml, xml);
    }

    private void admin(String... command) throws IOException, InterruptedException {
        List<String> remote = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", String.valueOf(portBase + 48),
                "--user", "admin"));
        remote.addAll(List.of(command));
        asadmin(remote.toArray(String[]::new));
    }

    /** Runs asadmin as its script does ({@code java -jar appserver-cli.jar}), on the tests' Java. */
    private void asadmin(String... arguments) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cli = home.resolve("glassfish/lib/client/appserver-cli.jar").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", cli, "--interactive=false"));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("asadmin-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("asadmin " + arguments[0] + " did not finish:\n"
                    + Files.readString(output));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("asadmin " + String.join(" ", arguments) + " failed:\n"
                    + Files.readString(output) + "\n" + log());
        }
        Files.delete(output);
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(COMMAND_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (client.send(HttpRequest.newBuilder(uri("/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the application is still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("bind-backend on Payara Server was not ready within " + COMMAND_TIMEOUT
                + ":\n" + log());
    }

    /** A port base whose derived ports are all free now on 127.0.0.1. */
    private static int freePortBase() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(200, 600) * 100;
            if (PORT_OFFSETS.stream().allMatch(offset -> free(base + offset))) {
                return base;
            }
        }
        throw new IOException("no free range of ports for a Payara Server domain");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property
                    + " is not set: run the tests with mvn verify");
        }
        return value;
    }
}
