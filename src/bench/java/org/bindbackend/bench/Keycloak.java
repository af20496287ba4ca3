package org.bindbackend.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak as the tests start it ({@code KeycloakServer}: {@code kc.sh start-dev --import-realm} with the realm
 * {@code bind} of the test resources), but on plain http like the other providers here, and unzipped under the
 * benchmark's own folder.
 */
final class Keycloak {

    static final String REALM = "bind";
    static final String CLIENT_ID = "bind-backend";
    static final String CLIENT_SECRET = "bind-backend-secret";
    static final String REDIRECT_URI = "http://127.0.0.1/api/callback";
    private static final String REALM_RESOURCE = "/keycloak/bind-realm.json";

    private Keycloak() {
    }

    /**
     * Unzips {@code zip} under {@code parent} unless done before, removes the database a previous run left (so the
     * realm is imported anew) and puts the realm where {@code --import-realm} reads it; returns Keycloak's home.
     */
    static Path prepare(Path zip, Path parent) throws IOException {
        Path home;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry first = in.getNextEntry();
            if (first == null) {
                throw new IOException(zip + " is empty");
            }
            home = parent.resolve(first.getName().substring(0, first.getName().indexOf('/')));
        }
        // written last, so an unzip cut short is done again
        Path complete = home.resolve(".unzipped-by-bench");
        if (!Files.isRegularFile(complete)) {
            unzip(zip, parent);
            Files.writeString(complete, zip.toString());
        }
        deleteRecursively(home.resolve("data/h2"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (InputStream realm = Keycloak.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is not on the class path");
            }
            Files.copy(realm, imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        return home;
    }

    /** Starts {@code kc.sh start-dev} on 127.0.0.1:{@code port} with Keycloak's own JVM defaults. */
    static ServerProcess start(Path home, int port, Path log) throws IOException {
        return ServerProcess.start("keycloak", List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm"),
                Map.of("JAVA_HOME", System.getProperty("java.home"),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-password"),
                log, port);
    }

    private static void unzip(Path zip, Path parent) throws IOException {
        Path root = Files.createDirectories(parent).toRealPath();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = root.resolve(entry.getName()).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("Zip entry outside the distribution: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    if (file.toString().endsWith(".sh")) {
                        file.toFile().setExecutable(true);
                    }
                }
            }
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
}
