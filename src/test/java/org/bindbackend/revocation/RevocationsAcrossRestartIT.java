package org.bindbackend.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.bindbackend.keys.TestKeys;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.HostileProvider;
import org.bindbackend.testing.PayaraMicroServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A logout that a restart does not undo: one replica with a configured key and revocations-file refuses, after a
 * restart, the session it logged out before; without the file the restart forgets it, and the log says so at
 * start.
 */
class RevocationsAcrossRestartIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static HostileProvider provider;

    @BeforeAll
    static void start() throws Exception {
        provider = HostileProvider.start();
    }

    @AfterAll
    static void stop() {
        if (provider != null) {
            provider.close();
        }
    }

    static Map<String, String> settings(Path file) {
        Map<String, String> settings = new HashMap<>(provider.backendSettings());
        settings.put("session-signing-key", TestKeys.SHARED_KEY);
        if (file != null) {
            settings.put("revocations-file", file.toString());
        }
        return settings;
    }

    /** Logs in and out on {@code backend}; the session cookie that was logged out. */
    static String loggedOut(BackendServer backend) throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        browser.follow(backend.uri("/login"));
        String cookie = browser.cookie("kube-bind").orElseThrow(() -> new AssertionError("no session"));
        assertEquals(200, whoami(backend, cookie));
        assertEquals(204, HTTP.send(HttpRequest.newBuilder(backend.uri("/api/logout")).header("Cookie", "kube-bind=" + cookie)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(401, whoami(backend, cookie));
        return cookie;
    }

    static int whoami(BackendServer backend, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(backend.uri("/api/whoami")).header("Cookie", "kube-bind=" + cookie)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void withTheFileALogoutOutlivesARestart() throws Exception {
        Path file = Files.createTempDirectory("revocations-").resolve("revocations");
        int port = PayaraMicroServer.freePort();
        String cookie;
        try (BackendServer before = BackendServer.start(port, settings(file), Map.of())) {
            cookie = loggedOut(before);
        }
        try (BackendServer after = BackendServer.start(port, settings(file), Map.of())) {
            assertEquals(401, whoami(after, cookie), "the restart undid the logout");
        }
    }

    @Test
    void withoutItTheRestartForgetsAndTheLogSaidSo() throws Exception {
        int port = PayaraMicroServer.freePort();
        String cookie;
        try (BackendServer before = BackendServer.start(port, settings(null), Map.of())) {
            assertTrue(before.log().contains("Set revocations-file"), before.log());
            cookie = loggedOut(before);
        }
        try (BackendServer after = BackendServer.start(port, settings(null), Map.of())) {
            assertEquals(200, whoami(after, cookie), "the control: in memory only, the restart forgets it");
        }
    }
}
