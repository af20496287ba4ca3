package org.bindbackend.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.Grid;
import org.bindbackend.testing.KeycloakServer;
import org.bindbackend.testing.PayaraMicroServer;
import org.bindbackend.testing.RoundRobinProxy;
import org.bindbackend.testing.Scrape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Replicas behind a plain round-robin load balancer, no affinity, against a real Keycloak: three Payara Micro
 * members of one Hazelcast data grid (two Open Liberty servers sharing a Hazelcast JCache), the same
 * session-signing-key, clustering on. Every step of a login may land on another replica; a logout on one is
 * refused on all within a second, and so is a back-channel logout from Keycloak that reached one; a replica killed outright costs no session and no revocation, and a replica that
 * joins later learns the revocations made before it came.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    /** 48 random bytes in base64, as {@code openssl rand -base64 48} makes them. */
    static final String SHARED_KEY = "ixu/FII3qOLUhw38LE7wuoPgp6fw6MnW3/pFNk4w08dJU4gWav6P54bY3Dz0E+cD";
    static final int REPLICAS = BackendServer.runtime().equals("payara") ? 3 : 2;
    static final Duration PROPAGATION = Duration.ofSeconds(1);

    static KeycloakServer keycloak;
    static RoundRobinProxy proxy;
    static Grid grid;
    static Map<String, String> settings;
    static final List<BackendServer> replicas = new ArrayList<>();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.shared();
        proxy = RoundRobinProxy.start();
        grid = Grid.fresh();
        settings = ExternalSettings.of(keycloak).with("external-url", proxy.uri().toString())
                .with("oidc.issuer-client-id", KeycloakBackChannelLogoutIT.CLIENT_ID)
                .with("oidc.issuer-client-secret", "bind-backend-backchannel-secret")
                .with("session-signing-key", SHARED_KEY).map();
        // Keycloak's back-channel logouts reach one replica, through the load balancer.
        KeycloakUsers.sendBackChannelLogoutsTo(keycloak, KeycloakBackChannelLogoutIT.CLIENT_ID,
                proxy.uri().resolve("/api/backchannel-logout"));
        // The first member alone: members that start at the same moment may each found a grid of their own.
        replicas.add(replica().call());
        ExecutorService starting = Executors.newFixedThreadPool(REPLICAS);
        List<Future<BackendServer>> started = new ArrayList<>();
        for (int i = 1; i < REPLICAS; i++) {
            started.add(starting.submit(replica()));
        }
        for (Future<BackendServer> replica : started) {
            replicas.add(replica.get());
        }
        starting.shutdown();
        replicas.forEach(proxy::add);
        for (BackendServer replica : replicas) {
            awaitGrid(replica, REPLICAS);
        }
    }

    static Callable<BackendServer> replica() {
        return () -> BackendServer.startInGrid(PayaraMicroServer.freePort(), settings, grid);
    }

    @AfterAll
    static void stop() {
        replicas.forEach(BackendServer::close);
        if (proxy != null) {
            proxy.close();
        }
    }

    /** Waits until {@code replica} logs a grid of {@code members}, as Payara ("DG Size: n") or Hazelcast says it. */
    static void awaitGrid(BackendServer replica, int members) throws Exception {
        Pattern formed = Pattern.compile("DG Size: " + members + "\\b|Members \\{size:" + members + ",");
        Instant deadline = Instant.now().plusSeconds(60);
        while (!formed.matcher(replica.log()).find()) {
            assertTrue(Instant.now().isBefore(deadline), "no grid of " + members + " in the log of replica "
                    + replica.port() + ":\n" + replica.log());
            Thread.sleep(250);
        }
    }

    static String cliToken(RealmUser user) throws Exception {
        BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
        URI authorize = proxy.uri().resolve("/api/authorize?" + "redirect_url=" + CliLogin.encode(CliLogin.LISTENER)
                + "&session_id=s-" + user.username() + "&client_type=cli&cluster_id=c-1");
        HttpResponse<String> loginPage = KeycloakLogin.loginPage(browser, keycloak, authorize);
        HttpResponse<String> callback = KeycloakLogin.signIn(browser, loginPage, user);
        assertEquals(303, callback.statusCode(), callback.body());
        String token = CliLogin.query(BrowserlessLogin.location(callback)).get("access_token");
        assertTrue(token != null && !token.isEmpty(), "no token: " + callback.headers());
        return token;
    }

    static int ping(BackendServer replica, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(replica.uri("/api/ping")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static void logOut(BackendServer replica, String token) throws Exception {
        HttpResponse<Void> logout = HTTP.send(HttpRequest.newBuilder(replica.uri("/api/logout"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(204, logout.statusCode());
    }

    /** Waits at most {@link #PROPAGATION} for every replica to refuse {@code token}; how long it took. */
    static Duration refusedEverywhere(List<BackendServer> on, String token) throws Exception {
        Instant start = Instant.now();
        for (BackendServer replica : on) {
            while (ping(replica, token) != 401) {
                assertTrue(Duration.between(start, Instant.now()).compareTo(PROPAGATION) < 0,
                        "replica " + replica.port() + " still accepts a session logged out "
                                + Duration.between(start, Instant.now()).toMillis() + " ms ago");
                Thread.sleep(20);
            }
        }
        return Duration.between(start, Instant.now());
    }

    @Test
    @Order(1)
    void browserLoginsCrossReplicasAndTheSessionWorksOnEveryOne() throws Exception {
        for (RealmUser user : List.of(RealmUser.ALICE, RealmUser.CAROL, RealmUser.BOB)) {
            BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
            HttpResponse<String> callback = KeycloakLogin.logIn(browser, keycloak, proxy.uri().resolve("/login"), user);
            assertEquals(303, callback.statusCode(), user + ": " + callback.body());
            String cookie = browser.cookie("kube-bind").orElseThrow();
            for (BackendServer replica : replicas) {
                HttpResponse<String> whoami = HTTP.send(HttpRequest.newBuilder(replica.uri("/api/whoami"))
                        .header("Cookie", "kube-bind=" + cookie).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, whoami.statusCode(), whoami.body());
                assertTrue(whoami.body().contains("\"name\":\"" + user.username() + "\""), whoami.body());
            }
        }
    }

    @Test
    @Order(2)
    void aLogoutOnOneReplicaIsRefusedOnAllWithinASecond() throws Exception {
        for (int round = 0; round < REPLICAS; round++) {
            String token = cliToken(RealmUser.ALICE);
            for (BackendServer replica : replicas) {
                assertEquals(200, ping(replica, token));
            }
            logOut(replicas.get(round), token);
            Duration took = refusedEverywhere(replicas, token);
            System.out.println("Logout on replica " + round + " refused on all " + REPLICAS + " after " + took.toMillis() + " ms");
        }
        for (BackendServer replica : replicas) {
            Scrape metrics = Scrape.of(replica.uri("/"));
            assertEquals(REPLICAS - 1, metrics.value("bind_logouts_total", "kind", "shared"),
                    "each replica took the others' logouts from the grid: " + metrics);
            assertEquals(1, metrics.value("bind_logouts_total", "kind", "here"));
            awaitMembersSeen(replica, REPLICAS);
        }
    }

    /** Waits until {@code replica}'s {@code bind_grid_members} says {@code members}: each says it is there every 10 s. */
    static void awaitMembersSeen(BackendServer replica, int members) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        double seen;
        while ((seen = Scrape.of(replica.uri("/")).value("bind_grid_members")) != members) {
            assertTrue(Instant.now().isBefore(deadline), "replica " + replica.port() + " sees " + seen + " members");
            Thread.sleep(250);
        }
    }

    @Test
    @Order(3)
    void aBackChannelLogoutReachingOneReplicaIsRefusedOnAllWithinASecond() throws Exception {
        String bobs = cliToken(RealmUser.BOB);
        String carols = cliToken(RealmUser.CAROL);
        for (BackendServer replica : replicas) {
            assertEquals(200, ping(replica, bobs));
        }
        KeycloakUsers.logOut(keycloak, RealmUser.BOB);
        Duration took = refusedEverywhere(replicas, bobs);
        System.out.println("Back-channel logout refused on all " + REPLICAS + " after " + took.toMillis() + " ms");
        for (BackendServer replica : replicas) {
            assertEquals(200, ping(replica, carols), "another user's token");
        }
    }

    @Test
    @Order(4)
    void aKilledReplicaCostsNoSessionNoRevocationAndALateReplicaLearnsThem() throws Exception {
        String loggedOut = cliToken(RealmUser.ALICE);
        String live = cliToken(RealmUser.CAROL);
        BackendServer victim = replicas.get(0);
        logOut(victim, loggedOut);
        refusedEverywhere(replicas, loggedOut);

        victim.kill();
        proxy.remove(victim);
        replicas.remove(victim);
        for (BackendServer survivor : replicas) {
            assertEquals(200, ping(survivor, live), "a live session was lost with the killed replica");
            assertEquals(401, ping(survivor, loggedOut), "a revocation was lost with the killed replica");
        }
        String afterwards = cliToken(RealmUser.ALICE);
        for (BackendServer survivor : replicas) {
            assertEquals(200, ping(survivor, afterwards), "logins work on the survivors");
        }

        BackendServer late = replica().call();
        replicas.add(late);
        proxy.add(late);
        awaitGrid(late, REPLICAS);
        assertEquals(401, ping(late, loggedOut), "the late replica did not learn the revocation made before it came");
        assertEquals(200, ping(late, live));
    }
}
