package org.bindbackend.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Open Liberty running the built WAR with the settings a test gives, on 127.0.0.1: a fresh server (its own
 * {@code WLP_USER_DIR}) per start, made of {@code server-config/liberty/server.xml}, the WAR in {@code apps/}, the
 * settings as system properties in {@code jvm.options} (MicroProfile Config reads them; Liberty also resolves
 * {@code ${http.port}} in server.xml from them), all from the runtime the build unpacked ({@code liberty.home}).
 *
 * <p>A fresh server spends most of its first start resolving features and filling its OSGi cache (25-30 s here
 * against 5-10 s). The first server that stops cleanly leaves its {@code workarea} as a template; later servers
 * start from a copy of it, as container images do with a warm-up start.
 */
public final class LibertyServer implements BackendServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String SERVER = "bind-backend";
    /** "The server ... is ready to run a smarter planet": every application has started or failed by then. */
    private static final String SERVER_READY = "CWWKF0011I";
    /** "The server ... has stopped successfully". */
    private static final String SERVER_STOPPED = "CWWKE0036I";

    private final int port;
    private final Path userDir;
    private final Path console;
    private final Process process;

    private LibertyServer(int port, Path userDir, Path console, Process process) {
        this.port = port;
        this.userDir = userDir;
        this.console = console;
        this.process = process;
    }

    /** Starts a server with these settings (system properties in jvm.options); waits until the application is up. */
    static LibertyServer start(int port, Map<String, String> settings, Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(port, settings, environment, Map.of(), null);
    }

    /**
     * Starts a member of {@code grid}: a Hazelcast member inside the application, the JCache provider that
     * {@code server-config/liberty/hazelcast.xml} configures, over TCP on loopback, with its jars in the server's
     * {@code jcache} folder (the library {@code server.xml} shares with the application).
     */
    static LibertyServer startInGrid(int port, Map<String, String> settings, Grid grid)
            throws IOException, InterruptedException {
        return start(port, settings, Map.of(), Map.of(), grid);
    }

    /**
     * Starts a server whose settings are {@code <variable name="..." value="..."/>} elements of its configuration
     * (a file in {@code configDropins/overrides}, as an operator would add them), not system properties.
     */
    static LibertyServer startConfiguredByServer(int port, Map<String, String> settings)
            throws IOException, InterruptedException {
        return start(port, Map.of(), Map.of(), settings, null);
    }

    private static LibertyServer start(int port, Map<String, String> systemProperties, Map<String, String> environment,
            Map<String, String> variables, Grid grid) throws IOException, InterruptedException {
        Path home = Path.of(required("liberty.home"));
        Path userDir = Files.createTempDirectory("liberty-" + port + "-");
        Path serverDir = Files.createDirectories(userDir.resolve("servers").resolve(SERVER));
        Files.copy(Path.of(required("bind.serverConfig"), "liberty", "server.xml"), serverDir.resolve("server.xml"));
        Files.createDirectories(serverDir.resolve("apps"));
        Files.copy(Path.of(required("bind.war")), serverDir.resolve("apps").resolve("bind-backend.war"));

        List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss1m",
                "-Dhttp.port=" + port, "-Dhttp.host=127.0.0.1", "-Dkeystore.password=" + randomPassword(),
                "-Dmetrics.authentication=false"));
        systemProperties.forEach((key, value) -> options.add("-D" + key + "=" + value));
        Path jcache = Files.createDirectories(serverDir.resolve("jcache"));
        if (grid != null) {
            try (Stream<Path> jars = Files.list(Path.of(required("liberty.jcacheDir")))) {
                for (Path jar : jars.toList()) {
                    Files.copy(jar, jcache.resolve(jar.getFileName()));
                }
            }
            Files.copy(Path.of(required("bind.serverConfig"), "liberty", "hazelcast.xml"), serverDir.resolve("hazelcast.xml"));
            options.addAll(List.of("-Dhazelcast.config=" + serverDir.resolve("hazelcast.xml"),
                    "-Dhazelcast.jcache.provider.type=member", "-Dbind.cluster.name=" + grid.name(),
                    "-Dbind.cluster.interface=127.0.0.1", "-Dbind.cluster.port=" + grid.firstPort(),
                    "-Dbind.cluster.members=" + grid.members()));
        }
        String verbosity = systemProperties.getOrDefault("v", variables.getOrDefault("v", "0"));
        if (verbosity.matches("\\d+") && Integer.parseInt(verbosity) >= 2) {
            // What server.xml tells operators: Liberty writes FINE records to trace.log for the loggers enabled here.
            options.add("-Dtrace.specification=*=info:org.bindbackend.*=fine");
        }
        Files.write(serverDir.resolve("jvm.options"), options);
        if (!variables.isEmpty()) {
            StringBuilder xml = new StringBuilder("<server>\n");
            variables.forEach((key, value) -> xml.append("    <variable name=\"").append(escape(key))
                    .append("\" value=\"").append(escape(value)).append("\"/>\n"));
            Files.writeString(Files.createDirectories(serverDir.resolve("configDropins").resolve("overrides"))
                    .resolve("bind-backend-settings.xml"), xml.append("</server>\n"));
        }
        WarmWorkarea.copyInto(home, serverDir);

        Path console = serverDir.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", home.resolve("bin").resolve("server").toString(), "run", SERVER)
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().put("WLP_USER_DIR", userDir.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(environment);
        LibertyServer server = new LibertyServer(port, userDir, console, builder.start());
        server.awaitStarted();
        return server;
    }

    /**
     * Sets the server.xml variable {@code name} to {@code value} while the server runs, as an operator editing the
     * file would: its {@code <variable>} element is rewritten in place. Liberty notices the change at its next check
     * of its configuration files (every 500 ms by default); returns when it has said it applied the change.
     */
    public void setServerXmlVariable(String name, String value) throws IOException, InterruptedException {
        int updates = configurationUpdates();
        Path serverXml = serverDir().resolve("server.xml");
        String xml = Files.readString(serverXml);
        Matcher element = Pattern.compile("<variable name=\"" + Pattern.quote(escape(name)) + "\"[^>]*/>").matcher(xml);
        if (!element.find()) {
            throw new IllegalArgumentException("server.xml has no variable " + name);
        }
        String replaced = element.replaceFirst(Matcher.quoteReplacement(
                "<variable name=\"" + escape(name) + "\" value=\"" + escape(value) + "\"/>"));
        // Written beside it and moved over it, as editors save, so that Liberty never reads half a file.
        Path written = Files.writeString(serverDir().resolve("server.xml.new"), replaced);
        Files.move(written, serverXml, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (configurationUpdates() == updates) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Open Liberty did not apply the change of " + name + ":\n" + log());
            }
            Thread.sleep(100);
        }
    }

    /**
     * How often messages.log says the configuration was read again: CWWKG0017I (updated) or CWWKG0018I (no
     * functional change, as when only a variable that no configuration element uses changed).
     */
    private int configurationUpdates() throws IOException {
        String messages = read(serverDir().resolve("logs").resolve("messages.log"));
        return messages.split("CWWKG001[78]I", -1).length - 1;
    }

    @Override
    public int port() {
        return port;
    }

    /** The JVM's: the {@code server run} script starts it as its child, or becomes it. */
    @Override
    public long pid() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()), process.descendants())
                .filter(handle -> handle.info().command().filter(command -> command.endsWith("/java")).isPresent())
                .findFirst().orElseThrow(() -> new IllegalStateException("No JVM under " + process.pid()))
                .pid();
    }

    /** The console output (start, stop, stdout and stderr), messages.log (INFO and above) and trace.log (FINE, with v=2). */
    @Override
    public String log() throws IOException {
        Path logs = serverDir().resolve("logs");
        return read(console) + read(logs.resolve("messages.log")) + read(logs.resolve("trace.log"));
    }

    @Override
    public String everythingWritten() throws IOException {
        StringBuilder written = new StringBuilder(log());
        Path incidents = serverDir().resolve("logs").resolve("ffdc");
        if (Files.isDirectory(incidents)) {
            try (Stream<Path> files = Files.list(incidents)) {
                for (Path file : files.sorted().toList()) {
                    written.append(read(file));
                }
            }
        }
        return written.toString();
    }

    private Path serverDir() {
        return userDir.resolve("servers").resolve(SERVER);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private void awaitStarted() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Open Liberty exited with " + process.exitValue() + ":\n" + log());
            }
            if (log().contains(SERVER_READY)) {
                try {
                    client.send(HttpRequest.newBuilder(uri("/health/live")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    return;
                } catch (IOException notYet) {
                    // the endpoint may open a moment after the ready message
                }
            }
            Thread.sleep(200);
        }
        String log = log();
        close();
        throw new IllegalStateException("Open Liberty did not start within " + START_TIMEOUT + ":\n" + log);
    }

    @Override
    public void kill() {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server (its JVM shuts down on SIGTERM) and deletes all of its directory but the logs. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            } else if (log().contains(SERVER_STOPPED)) {
                WarmWorkarea.keep(Path.of(required("liberty.home")), serverDir());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(serverDir().resolve("workarea"));
            deleteQuietly(serverDir().resolve("apps"));
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory: the system cleans it up eventually
        }
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run the tests with mvn verify -Pliberty");
        }
        return value;
    }

    /**
     * The workarea of the first server that stopped cleanly, beside the runtime: feature resolution and the OSGi
     * bundle cache depend on the features and the runtime only, which every server here shares.
     */
    private static final class WarmWorkarea {

        private WarmWorkarea() {
        }

        private static Path template(Path home) {
            return home.resolveSibling("bind-backend-warm-workarea");
        }

        /** Copies the template into a new server, unless the WAR was built after it (then it is made anew). */
        static void copyInto(Path home, Path serverDir) throws IOException {
            Path template = template(home);
            if (!Files.isDirectory(template)) {
                return;
            }
            if (Files.getLastModifiedTime(template).compareTo(Files.getLastModifiedTime(Path.of(required("bind.war")))) < 0) {
                deleteQuietly(template);
                return;
            }
            copyTree(template, serverDir.resolve("workarea"));
        }

        static void keep(Path home, Path serverDir) throws IOException {
            Path template = template(home);
            Path workarea = serverDir.resolve("workarea");
            if (Files.isDirectory(template) || !Files.isDirectory(workarea)) {
                return;
            }
            Path partial = Files.createTempDirectory(home.getParent(), "warm-workarea-");
            copyTree(workarea, partial.resolve("workarea"));
            try {
                Files.move(partial.resolve("workarea"), template, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException anotherServerWasFirst) {
                // another JVM kept its workarea first: either will do
            } finally {
                deleteQuietly(partial);
            }
        }

        private static void copyTree(Path from, Path to) throws IOException {
            try (Stream<Path> paths = Files.walk(from)) {
                for (Path source : (Iterable<Path>) paths::iterator) {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (!source.getFileName().toString().endsWith(".lock")) {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
