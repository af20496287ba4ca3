package org.bindbackend.config;

import static org.bindbackend.config.LiveChanges.form;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.ConfigMapDirectory;
import org.bindbackend.testing.LibertyServer;
import org.bindbackend.testing.PayaraMicroServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Settings changed while the backend runs, on a real server, without a restart, through each live path the server
 * has ({@link LiveChanges} says what each must show): the directory of files a Kubernetes ConfigMap is mounted as,
 * updated the way the kubelet updates it, read through the backend's own settings directory ({@code
 * BIND_SETTINGS_DIR}, every server) and through Open Liberty's variable files ({@code VARIABLE_SOURCE_DIRS}); and
 * Open Liberty's server.xml, rewritten while it runs. Payara Micro has neither a configuration file it reads again
 * nor a directory source that follows a ConfigMap's update (docs/configuration.md). Payara Server's domain properties
 * are {@code PayaraServerDomainIT}'s.
 */
class LiveSettingsIT {

    static ConfigMapDirectory configMap;
    static BackendServer server;

    @BeforeAll
    static void start() throws Exception {
        configMap = ConfigMapDirectory.create(Map.of("oidc.allowed-users", "alice", "v", "0"));
        server = BackendServer.startReading(configMap.path(), Map.of("oidc.type", "embedded"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    LiveChanges inConfigMap() throws Exception {
        return new LiveChanges(server, configMap::put);
    }

    @Test
    void aUserAddedToTheConfigMapGetsInAndOneRemovedIsRefused() throws Exception {
        inConfigMap().userAdmittedThenRemoved("oidc.allowed-users", "alice,bob", "alice", form("bob", ""));
    }

    @Test
    void anInvalidValueInTheConfigMapIsKeptOut() throws Exception {
        inConfigMap().invalidValueKeptOut();
    }

    /**
     * On Open Liberty the FINE lines reach its trace.log only for the loggers its trace specification enables, so
     * an operator changes that too (a server.xml variable, which Liberty applies while running), as
     * docs/configuration.md says.
     */
    @Test
    void theLogLevelsFollowVInTheConfigMap() throws Exception {
        LiveChanges.Source withTrace = (key, value) -> {
            configMap.put(key, value);
            if (server instanceof LibertyServer liberty) {
                liberty.setServerXmlVariable("trace.specification",
                        value.equals("2") ? "*=info:org.bindbackend.*=fine" : "*=info");
            }
        };
        new LiveChanges(server, withTrace).logLevelsFollowV(form("alice", ""));
    }

    /** Open Liberty only: Payara Micro has no configuration file that it reads again while running. */
    @Test
    void aGroupAddedToLibertysServerXmlGetsInAndOneRemovedIsRefused() throws Exception {
        assumeTrue(server instanceof LibertyServer, "server.xml is Open Liberty's");
        LibertyServer liberty = (LibertyServer) server;
        new LiveChanges(server, liberty::setServerXmlVariable)
                .userAdmittedThenRemoved("oidc.allowed-groups", "ops", "", form("carol", "ops"));
    }

    /** Open Liberty only: its variable files, a ConfigMap mounted where {@code VARIABLE_SOURCE_DIRS} says. */
    @Test
    void aUserAddedToLibertysVariableFilesGetsInAndOneRemovedIsRefused() throws Exception {
        assumeTrue(server instanceof LibertyServer, "variable files are Open Liberty's");
        ConfigMapDirectory variables = ConfigMapDirectory.create(Map.of("oidc.allowed-users", "alice"));
        try (BackendServer liberty = BackendServer.start(PayaraMicroServer.freePort(), Map.of("oidc.type", "embedded"),
                Map.of("VARIABLE_SOURCE_DIRS", variables.path().toString()))) {
            new LiveChanges(liberty, variables::put)
                    .userAdmittedThenRemoved("oidc.allowed-users", "alice,erin", "alice", form("erin", ""));
        }
    }
}
