package org.bindbackend.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.KeycloakServer;
import org.bindbackend.testing.LiveHeap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Anyone can start a login and keep its cookie and state. Replaying them to the callback with made-up codes, as
 * fast as a client can, must stop nobody's login: each replay is refused before the container sees it (a login
 * cookie is good for one callback), holds nothing (the server's live heap does not grow with the flood), and the
 * log says what happened in a handful of lines. A real login at a Keycloak client that requires PKCE (S256) then
 * succeeds, which it can only do with its verifier. Runs at the default verbosity, as production does.
 */
class CallbackFloodIT {

    static final int FLOOD = 10_000;
    static final int IN_FLIGHT = 16;
    /** Codes of 2 KB: held for each replay, the flood would be 20 MB of codes, five times the growth allowed. */
    static final int CODE_LENGTH = 2048;
    static final long ALLOWED_GROWTH_BYTES = 4L << 20;
    static final Duration SETTLING = Duration.ofSeconds(45);
    static final Pattern SUMMARY = Pattern.compile("Login refused \\(callback_replayed\\) (\\d+) more times from (\\S+)");
    static final SecureRandom RANDOM = new SecureRandom();

    static KeycloakServer keycloak;
    static BackendServer backend;
    final HttpClient attacker = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newFixedThreadPool(IN_FLIGHT)).build();

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.shared();
        backend = BackendServer.start(ExternalSettings.of(keycloak)
                .with("oidc.issuer-client-id", KeycloakPkceIT.PKCE_CLIENT)
                .with("oidc.issuer-client-secret", "bind-backend-pkce-secret")
                .with("v", "0")
                .map());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    /** A login of the attacker's own, up to the redirect to Keycloak: its cookie (as a Cookie header) and state. */
    record StolenLogin(String cookie, String state) {

        static StolenLogin start() throws Exception {
            BrowserlessLogin browser = new BrowserlessLogin();
            URI authorize = browser.redirectTo(backend.uri("/login"), "/realms/" + KeycloakServer.REALM
                    + "/protocol/openid-connect/auth");
            return new StolenLogin("kube-bind-login=" + browser.cookie("kube-bind-login").orElseThrow(),
                    CliLogin.query(authorize).get("state"));
        }
    }

    HttpRequest callback(StolenLogin login) {
        byte[] code = new byte[CODE_LENGTH * 3 / 4];
        RANDOM.nextBytes(code);
        return HttpRequest.newBuilder(backend.uri("/api/callback?state=" + CliLogin.encode(login.state()) + "&code="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(code)))
                .header("Cookie", login.cookie()).header("Accept", "text/html").build();
    }

    /** Sends {@code count} replays of {@code login}'s callback, {@link #IN_FLIGHT} at a time; counts statuses. */
    Map<Integer, Integer> replay(StolenLogin login, int count) throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<?>> sent = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            sent.add(attacker.sendAsync(callback(login), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        inFlight.release();
                        int status = failure == null ? response.statusCode() : -1;
                        statuses.computeIfAbsent(status, any -> new AtomicInteger()).incrementAndGet();
                    }));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        Map<Integer, Integer> counted = new java.util.TreeMap<>();
        statuses.forEach((status, n) -> counted.put(status, n.get()));
        return counted;
    }

    @Test
    void aFloodOfReplayedCallbacksHoldsNothingLogsAFewLinesAndStopsNoPkceLogin() throws Exception {
        StolenLogin stolen = StolenLogin.start();
        HttpResponse<String> first = attacker.send(callback(stolen), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, first.statusCode(), "its first use, without the container's own cookie: " + first.body());
        HttpResponse<String> replayed = attacker.send(callback(stolen), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, replayed.statusCode(), replayed.body());
        assertTrue(replayed.body().contains("already received"), replayed.body());
        long heapBefore = LiveHeap.bytes(backend);
        int logMark = backend.log().length();

        Instant floodStart = Instant.now();
        Map<Integer, Integer> statuses = replay(stolen, FLOOD);
        Instant floodEnd = Instant.now();
        Duration took = Duration.between(floodStart, floodEnd);
        assertEquals(Map.of(400, FLOOD), statuses, "every replay refused with a 400, in " + took);

        Evidence evidence = KeycloakLogin.assertLogsIn(KeycloakLogin.browser(keycloak), keycloak, backend,
                RealmUser.ALICE);
        assertFalse(backend.log().substring(logMark).contains("code_exchange_failed"),
                "a replay reached the container: " + evidence.log());

        long growth = settledGrowth(heapBefore, floodEnd);
        assertTrue(growth < ALLOWED_GROWTH_BYTES, "the live heap grew by " + growth + " bytes over " + FLOOD
                + " replays, and kept it " + SETTLING.toSeconds() + " s after (before: " + heapBefore + ")");

        int summed = awaitSummaries(logMark);
        String flood = backend.log().substring(logMark);
        long lines = flood.lines().filter(line -> line.contains("Login refused (callback_replayed)")).count();
        // 5 lines in full and a summary per minute (Open Liberty writes each line to two of its logs)
        assertTrue(lines <= 2 * 2 * (5 + 1), lines + " lines for " + FLOOD + " replays in " + took + ":\n" + flood);
        assertTrue(summed >= FLOOD - 2 * 5, "the summaries count " + summed + " of " + FLOOD + ":\n" + flood);
        System.out.println("CallbackFloodIT: " + FLOOD + " replays in " + took.toMillis() + " ms; live heap "
                + heapBefore + " bytes before, " + growth + " more after; " + lines + " log lines");
    }

    /**
     * How much more the live heap holds than {@code before}, once the server has let go of the flood's connections:
     * Payara closes the connection after each 400, and the closed ones stay reachable in its network layer for up
     * to half a minute (measured: 5,000 of them, about 20 MB, gone 30 s later). Asked every few seconds until it
     * is below the limit, at most {@link #SETTLING} after the flood: well within the minute a store of the flood's
     * codes would have kept them.
     */
    private static long settledGrowth(long before, Instant floodEnd) throws Exception {
        long growth = LiveHeap.bytes(backend) - before;
        while (growth >= ALLOWED_GROWTH_BYTES && Instant.now().isBefore(floodEnd.plus(SETTLING))) {
            Thread.sleep(3_000);
            growth = LiveHeap.bytes(backend) - before;
        }
        return growth;
    }

    /** Waits until the minutes the flood began have been summed up; the count of replays they sum up. */
    private static int awaitSummaries(int logMark) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        int summed = 0;
        while (Instant.now().isBefore(deadline)) {
            Map<String, Integer> distinct = new java.util.HashMap<>();
            Matcher summary = SUMMARY.matcher(backend.log().substring(logMark));
            while (summary.find()) {
                distinct.put(summary.group(2), Integer.parseInt(summary.group(1)));
            }
            summed = distinct.values().stream().mapToInt(Integer::intValue).sum();
            if (summed >= FLOOD - 2 * 5) {
                return summed;
            }
            Thread.sleep(1_000);
        }
        return summed;
    }

    /**
     * A callback forged with a fresh login cookie of its own but without the container's cookie for the login passes
     * the backend's checks once; the container then has no login to match it with, and the refusal says so, not
     * that the provider or its tokens failed.
     */
    @Test
    void aCallbackWithoutTheContainersOwnLoginIsRefusedForWhatItLacks() throws Exception {
        int logMark = backend.log().length();
        HttpResponse<String> answer = attacker.send(callback(StolenLogin.start()), HttpResponse.BodyHandlers.ofString());
        String log = backend.log().substring(logMark);
        String seen = answer.statusCode() + " " + answer.body() + "\nbackend log:\n" + log;
        FailurePages.assertReadable(answer, 400, "Login failed", seen);
        assertTrue(answer.body().contains("has no login in progress in this browser"), seen);
        assertTrue(log.contains("Login refused (no_login_in_progress): the server's OpenID Connect client has no "
                + "login in progress in this browser"), seen);
        assertFalse(log.contains("token"), seen);
    }
}
