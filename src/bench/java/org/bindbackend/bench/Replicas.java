package org.bindbackend.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;

/**
 * Measure 5: the protected API on one replica alone and on a member of a three-member Payara data grid (the other
 * two running, logouts flowing through the grid meanwhile), and how long a logout on one member takes to be refused
 * on the others.
 */
final class Replicas {

    static final int MEMBERS = 3;
    static final int LATENCY_SAMPLES = 60;
    /** 48 random bytes in base64: the key every member shares. */
    private static final String SHARED_KEY = "Wc3mV9rT2xLq8nB4pY7kH0sJ5dF1gA6zE3uR9oI2tQ8vM4wN7cX0bK5lS1hG6jD";

    private final Bench.Settings settings;
    private final HttpClient http;

    Replicas(Bench.Settings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** Settings of a member (or the single replica) for embedded mode, all reached at {@code externalUrl}. */
    static Map<String, String> properties(URI externalUrl, boolean clustered) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("oidc.type", "embedded");
        properties.put("external-url", externalUrl.toString());
        properties.put("session-signing-key", SHARED_KEY);
        properties.put("cluster", String.valueOf(clustered));
        return properties;
    }

    ServerProcess start(String name, int port, URI externalUrl, List<String> grid) throws Exception {
        return start(name, port, externalUrl, grid, Map.of());
    }

    /** A replica with {@code more} settings besides a member's. */
    ServerProcess start(String name, int port, URI externalUrl, List<String> grid, Map<String, String> more)
            throws Exception {
        Map<String, String> properties = new LinkedHashMap<>(properties(externalUrl, !grid.contains("--nohazelcast")));
        properties.putAll(more);
        ServerProcess server = ServerProcess.payaraMicro(name, settings.payaraMicroJar(), settings.war(),
                settings.preBootCommands(), port, settings.serverJvmOptions(), properties, grid,
                settings.out().resolve("logs/" + name.replace(' ', '-') + ".log"));
        if (port == externalUrl.getPort()) {
            server.awaitReadyOrStop("/health/ready", body -> body.contains("UP"), Duration.ofSeconds(180));
        } else {
            // In embedded mode only the member at the external URL is ready: the others' own providers cannot be
            // reached there. Every member takes the sessions and tokens the shared key signs.
            server.awaitReadyOrStop("/api/healthz", body -> body.trim().equals("ok"), Duration.ofSeconds(180));
        }
        return server;
    }

    /** A member's grid options: Hazelcast over TCP on loopback from {@code firstPort}, no host-aware partitioning. */
    static List<String> grid(String name, int firstPort) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < MEMBERS; i++) {
            members.append(i == 0 ? "" : ",").append("127.0.0.1:").append(firstPort + i);
        }
        return List.of("--clustermode", "tcpip:" + members, "--interfaces", "127.0.0.1",
                "--startport", String.valueOf(firstPort), "--clustername", name, "--nohostaware");
    }

    /** A CLI token from {@code server}'s embedded provider, which every replica with the shared key accepts. */
    String token(ServerProcess server, int n) throws Exception {
        return token(server, "bench-" + n, new BrowserlessLogin());
    }

    /** A CLI token of {@code user}, logged in with {@code browser} (which keeps the provider's session cookie). */
    static String token(ServerProcess server, String user, BrowserlessLogin browser) throws Exception {
        return CliLogin.login(browser, server.uri("/api/authorize"), user, "bench-cluster",
                Map.of("username", user, "password", "x")).get("access_token");
    }

    void logOut(ServerProcess server, String token) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(server.uri("/api/logout"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("logout answered " + response.statusCode());
        }
    }

    int ping(ServerProcess server, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri("/api/ping")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Logs out at the embedded provider of {@code issuer} (the member at the external URL) a session it made there:
     * the provider's back-channel logout reaches that member, and the grid the others; the time from the logout at
     * the provider until the last of {@code others} refuses the session's CLI token, in milliseconds, for
     * {@link #LATENCY_SAMPLES} sessions.
     */
    List<Double> backChannelLatencies(ServerProcess issuer, List<ServerProcess> others) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            BrowserlessLogin browser = new BrowserlessLogin();
            String token = token(issuer, "bench-provider-" + i, browser);
            long start = System.nanoTime();
            HttpResponse<String> loggedOut = browser.get(issuer.uri("/oidc/end-session"));
            if (loggedOut.statusCode() != 200) {
                throw new IllegalStateException("the provider's logout answered " + loggedOut.statusCode());
            }
            for (ServerProcess other : others) {
                while (ping(other, token) != 401) {
                    if (System.nanoTime() - start > Duration.ofSeconds(10).toNanos()) {
                        throw new IllegalStateException("a back-channel logout was not refused on " + other.uri("/")
                                + " in 10 s");
                    }
                }
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    /**
     * Logs out on {@code at} a session {@code issuer} made, then asks every other member until each refuses: the
     * time until the last refused, in milliseconds, for {@link #LATENCY_SAMPLES} sessions.
     */
    List<Double> logoutLatencies(ServerProcess issuer, ServerProcess at, List<ServerProcess> others) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < LATENCY_SAMPLES; i++) {
            String token = token(issuer, 10_000 + i);
            long start = System.nanoTime();
            logOut(at, token);
            for (ServerProcess other : others) {
                while (ping(other, token) != 401) {
                    if (System.nanoTime() - start > Duration.ofSeconds(10).toNanos()) {
                        throw new IllegalStateException("a logout was not refused on " + other.uri("/") + " in 10 s");
                    }
                }
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }
}
