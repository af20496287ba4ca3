package org.bindbackend.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.HostileProvider;
import org.bindbackend.testing.PayaraMicroServer;
import org.bindbackend.testing.RoundRobinProxy;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rotating session-signing-key in a rolling update, with two real replicas behind a round-robin load balancer and
 * no affinity: one already signs with the new key, the other still with the old one, each accepting the other's
 * (docs/operations.md). Logins cross them in both directions, and each one's sessions work on the other; a
 * replica that holds the new key alone refuses what the old one signed.
 */
class KeyRotationIT {

    static final String OLD = TestKeys.SHARED_KEY;
    static final String NEW = "Zt4c8Qy1uN0wP5rK2mX7vB9jL3hD6fG1sA8eR4tY0iU2oW5qE7zC9xV3bN6mK1lP";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static HostileProvider provider;
    static RoundRobinProxy proxy;
    static final List<BackendServer> replicas = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        provider = HostileProvider.start();
        proxy = RoundRobinProxy.start();
        replicas.add(replica(OLD, NEW));
        replicas.add(replica(NEW, OLD));
        replicas.forEach(proxy::add);
    }

    static BackendServer replica(String signing, String accepted) throws Exception {
        Map<String, String> settings = new HashMap<>(provider.backendSettings());
        settings.put("external-url", proxy.uri().toString());
        settings.put("session-signing-key", signing);
        if (accepted != null) {
            settings.put("session-accepted-keys", accepted);
        }
        return BackendServer.start(PayaraMicroServer.freePort(), settings, Map.of());
    }

    @AfterAll
    static void stop() {
        replicas.forEach(BackendServer::close);
        if (proxy != null) {
            proxy.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    static int whoami(BackendServer replica, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(replica.uri("/api/whoami")).header("Cookie", "kube-bind=" + cookie)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void duringTheRolloutLoginsAndSessionsCrossReplicasInBothDirections() throws Exception {
        Map<String, String> sessionsByKey = new HashMap<>();
        Set<String> keyIds = new HashSet<>();
        for (int login = 0; login < 4; login++) {
            BrowserlessLogin browser = new BrowserlessLogin();
            browser.follow(proxy.uri().resolve("/login"));
            String cookie = browser.cookie("kube-bind").orElseThrow(() -> new AssertionError("no session"));
            String keyId = JsonWebStructure.fromCompactSerialization(cookie).getKeyIdHeaderValue();
            keyIds.add(keyId);
            sessionsByKey.put(keyId, cookie);
            for (BackendServer replica : replicas) {
                assertEquals(200, whoami(replica, cookie), "a session signed with " + keyId + " on " + replica.port());
            }
            // A login is four requests through the balancer (login, its start, the callback, home): one more makes
            // the next login's callback land on the other replica.
            HTTP.send(HttpRequest.newBuilder(proxy.uri().resolve("/healthz")).build(), HttpResponse.BodyHandlers.discarding());
        }
        assertEquals(2, keyIds.size(), "logins ended on both replicas, one signing with each key: " + keyIds);

        BackendServer rotated = replica(NEW, null);
        try {
            int accepted = 0;
            for (String cookie : sessionsByKey.values()) {
                accepted += whoami(rotated, cookie) == 200 ? 1 : 0;
            }
            assertEquals(1, accepted, "once the old key is gone, only what the new key signed is accepted");
        } finally {
            rotated.close();
        }
    }
}
