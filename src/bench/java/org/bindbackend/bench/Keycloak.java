package org.bindbackend.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bindbackend.testing.KeycloakServer;

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

    private Keycloak() {
    }

    /** Keycloak's home under {@code parent}, prepared as the tests prepare theirs (one unzip, a fresh realm import). */
    static Path prepare(Path zip, Path parent) throws IOException {
        return KeycloakServer.prepareDistribution(zip, parent);
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
}
