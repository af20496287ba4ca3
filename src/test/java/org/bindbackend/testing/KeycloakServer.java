package org.bindbackend.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.net.ssl.SSLContext;

/**
 * A real Keycloak ({@code kc.sh start-dev}) serving the realm {@code bind} (src/test/resources/keycloak/bind-realm.json)
 * over https on 127.0.0.1, with a certificate from {@link TestCertificates}, so that the integration tests log in to
 * the backend against a real OpenID provider whose CA only the test setup trusts.
 *
 * <p>Keycloak takes half a minute or more to start, so one server serves every test of the Failsafe JVM:
 * {@link #shared()}. It is stopped when the JVM exits. A test may {@link #stop()} it and {@link #start()} it again
 * (provider unreachable, then back): it comes back on the same port with the same database, so with the same
 * issuer, signing keys and sessions.
 *
 * <p>Users: {@code alice}/{@code alice-password} (groups engineering, devops), {@code bob}/{@code bob-password}
 * (sales), {@code carol}/{@code carol-password} (no group); their emails are {@code <name>@example.com}.
 */
public final class KeycloakServer {

    public static final String REALM = "bind";
    public static final String CLIENT_ID = "bind-backend";
    public static final String CLIENT_SECRET = "bind-backend-secret";
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin-password";

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String REALM_RESOURCE = "/keycloak/bind-realm.json";

    private static KeycloakServer shared;

    private final Path home;
    private final TestCertificates certificates;
    private final SSLContext sslContext;
    private final int port;
    private final int httpPort;
    private final Path log;
    private Process process;

    private KeycloakServer(Path home, TestCertificates certificates, int port, int httpPort, Path log)
            throws IOException {
        this.home = home;
        this.certificates = certificates;
        this.sslContext = certificates.sslContext();
        this.port = port;
        this.httpPort = httpPort;
        this.log = log;
    }

    /**
     * The server shared by all the tests of this JVM: made and started on first use, started again if a test left it
     * stopped, stopped when the JVM exits.
     */
    public static synchronized KeycloakServer shared() throws IOException, InterruptedException {
        if (shared == null) {
            shared = prepare();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "keycloak-stop"));
        }
        if (!shared.isRunning()) {
            shared.start();
        }
        return shared;
    }

    /** Keycloak beside the build's runtimes (target/keycloak), with the test CA, on free ports. */
    private static KeycloakServer prepare() throws IOException, InterruptedException {
        Path target = Path.of(required("keycloak.zip")).toAbsolutePath().getParent().getParent();
        Path home = prepareDistribution(Path.of(required("keycloak.zip")), target.resolve("keycloak"));
        int port = freePort();
        Path log = target.resolve("keycloak").resolve("keycloak-" + port + ".log");
        Files.deleteIfExists(log);
        return new KeycloakServer(home, TestCertificates.create(), port, freePort(), log);
    }

    /**
     * Unzips the distribution under {@code parent} (once), removes the database a previous run left so that the
     * realm is imported anew, and puts the realm where {@code --import-realm} reads it; returns Keycloak's home.
     * The benchmarks prepare their Keycloak with it too.
     */
    public static Path prepareDistribution(Path zip, Path parent) throws IOException {
        Path home = KeycloakDistribution.unzipped(zip, parent);
        deleteRecursively(home.resolve("data").resolve("h2"));
        Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is not on the test class path");
            }
            Files.copy(realm, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        return home;
    }

    /** Starts Keycloak and waits until the realm's discovery document answers. */
    public synchronized void start() throws IOException, InterruptedException {
        if (isRunning()) {
            throw new IllegalStateException("Keycloak is already running on port " + port);
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                // start-dev keeps its http listener whatever --http-enabled says: give it a free loopback port
                "--http-port=" + httpPort,
                "--https-port=" + port,
                "--https-key-store-file=" + certificates.serverKeyStore(),
                "--https-key-store-password=" + certificates.serverKeyStorePassword(),
                "--hostname=https://127.0.0.1:" + port,
                "--import-realm"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // C1 only: starts markedly faster on a small machine, and a test run never gets to the long run C2 pays off in
        builder.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Instant started = Instant.now();
        process = builder.start();
        awaitDiscovery();
        LOG.info(() -> "Keycloak answers on " + issuer() + " after "
                + Duration.between(started, Instant.now()).toSeconds() + " s; log: " + log);
    }

    /** Stops Keycloak: the kc.sh script and the JVM it runs (a child, or itself after a rebuild's exec). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        tree.forEach(KeycloakServer::awaitExit);
        process = null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code https://127.0.0.1:<port>/realms/bind}, exactly as in the ID tokens. */
    public URI issuer() {
        return URI.create("https://127.0.0.1:" + port + "/realms/" + REALM);
    }

    public URI discovery() {
        return URI.create(issuer() + "/.well-known/openid-configuration");
    }

    public int port() {
        return port;
    }

    /** The CA that signed Keycloak's certificate, PEM: for the backend's {@code oidc.ca-file}. */
    public Path caPemFile() {
        return certificates.caPemFile();
    }

    /** Trusts only the CA that signed Keycloak's certificate. */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** Keycloak's console output, all its starts appended. */
    public Path log() {
        return log;
    }

    private void awaitDiscovery() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(sslContext).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(discovery()).timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        stop();
        throw new IllegalStateException("Keycloak did not answer " + discovery() + " within " + START_TIMEOUT
                + ", see " + log);
    }

    private static void awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            handle.destroyForcibly();
            handle.onExit().join();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run the tests with mvn verify");
        }
        return value;
    }

    /** The Keycloak distribution zip, unzipped once and reused by later runs. */
    private static final class KeycloakDistribution {

        /**
         * Unzips into {@code parent} unless done already; returns the distribution's home (the zip's single top
         * folder, named after the version). Unzips into a scratch folder first, so an interrupted unzip is never
         * mistaken for a complete one.
         */
        static Path unzipped(Path zip, Path parent) throws IOException {
            String top = topFolder(zip);
            Path home = parent.resolve(top);
            if (Files.isRegularFile(home.resolve("bin").resolve("kc.sh"))) {
                return home;
            }
            Path scratch = Files.createDirectories(parent).resolve(top + ".unzipping");
            deleteRecursively(scratch);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    Path file = inside(scratch, top, entry.getName());
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                    } else {
                        Files.createDirectories(file.getParent());
                        Files.copy(in, file);
                    }
                }
            }
            // java.util.zip does not restore Unix permissions
            try (Stream<Path> scripts = Files.list(scratch.resolve("bin"))) {
                scripts.filter(script -> script.toString().endsWith(".sh"))
                        .forEach(script -> script.toFile().setExecutable(true));
            }
            Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        }

        /** Where an entry goes, without the top folder; refuses one that would land outside (zip slip). */
        private static Path inside(Path scratch, String top, String name) throws IOException {
            Path file = scratch.resolve(name.substring(Math.min(name.length(), top.length() + 1))).normalize();
            if (!name.startsWith(top + "/") || !file.startsWith(scratch)) {
                throw new IOException("Zip entry outside the distribution: " + name);
            }
            return file;
        }

        private static String topFolder(Path zip) throws IOException {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                ZipEntry first = in.getNextEntry();
                if (first == null) {
                    throw new IOException(zip + " is empty");
                }
                return first.getName().substring(0, first.getName().indexOf('/'));
            }
        }
    }
}
