package org.bindbackend.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.bindbackend.config.TestSettings;
import org.bindbackend.revocation.TestRevocations;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.Json;

/**
 * Runs the benchmarks one system at a time, each started here on 127.0.0.1 and stopped after: the RS256 signing
 * ceiling, start-up of the backend, of the stack's floor and of a hello-world WAR, logins through the backend's
 * embedded provider, mock-oauth2-server and Keycloak, code exchanges at the embedded token endpoint, and the
 * protected API. Settings are system properties ({@code bench.*}, see {@link Settings}); results go to
 * {@code bench.out}.
 */
public final class Bench {

    /** The parts, in the order they run; {@code bench.only} picks some. */
    static final List<String> PARTS = List.of("signing", "startup", "embedded", "exchange", "api", "revocations",
            "replicas", "mock", "keycloak", "external");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** Rounds of the three API runs; the last one is reported. */
    private static final int API_ROUNDS = 2;
    /**
     * The least warm-up of a login run: what an independent client gave mock-oauth2-server, whose compilers were
     * still busy after the 25 s that the rate took to settle.
     */
    private static final Duration LOGIN_WARMUP = Duration.ofSeconds(40);
    /** A warm-up count never reached: such warm-ups end when the server is warm or by their time limit. */
    private static final int WARMUP_UNBOUNDED = 1_000_000;
    private static final String CLIENT_ID = "bench-client";
    private static final String CLIENT_SECRET = "bench-client-secret-0123456789abcdef";
    private static final Map<String, String> EMBEDDED_LOGIN = Map.of("username", "bench-user", "password", "x");
    private static final Map<String, String> MOCK_LOGIN = Map.of("username", "alice", "claims", "");
    private static final Map<String, String> KEYCLOAK_LOGIN = Map.of("username", "alice", "password",
            "alice-password");

    private final Settings settings;
    private final Results results;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private Bench(Settings settings) {
        this.settings = settings;
        this.results = new Results(settings);
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        System.out.println("bind-backend benchmarks: " + settings.describe());
        Bench bench = new Bench(settings);
        long began = System.nanoTime();
        bench.run();
        bench.results.totalSeconds = (System.nanoTime() - began) / 1e9;
        bench.results.loadAveragesAtEnd = ProcStats.loadAverages();
        Report report = new Report(bench.results);
        System.out.println();
        System.out.println(report.markdown());
        report.write(settings.out());
        System.out.println("Results: " + settings.out().resolve("results.json") + ", "
                + settings.out().resolve("results.csv") + ", " + settings.out().resolve("results.md") + ", chart "
                + settings.out().resolve("benchmarks.png"));
    }

    private void run() throws Exception {
        Files.createDirectories(settings.out());
        if (settings.runs("signing")) {
            signing();
        }
        if (settings.runs("startup")) {
            startups();
        }
        if (settings.runs("embedded") || settings.runs("exchange") || settings.runs("api")) {
            backend();
        }
        if (settings.runs("revocations")) {
            revocations();
        }
        if (settings.runs("replicas")) {
            replicas();
        }
        if (settings.runs("mock")) {
            mockOAuth2Server();
        }
        if (settings.runs("keycloak")) {
            keycloak();
        }
        if (settings.runs("external")) {
            external();
        }
    }

    /** Measure 2's ceiling: RS256 signatures per second on one core and on all. */
    private void signing() throws Exception {
        SigningCeiling ceiling = new SigningCeiling();
        int cores = Runtime.getRuntime().availableProcessors();
        Duration seconds = Duration.ofSeconds(Math.min(settings.measuredSeconds(), 5));
        results.signingOneCore = report(ceiling.measure("RS256 sign, 1 thread", 1, Duration.ofSeconds(2), seconds,
                100_000));
        results.signingAllCores = report(ceiling.measure("RS256 sign, " + cores + " threads", cores,
                Duration.ofSeconds(1), seconds, 200_000));
    }

    /**
     * Measure 4: the backend WAR, the stack's floor (its APIs and annotations, none of its code) and a hello-world
     * WAR, each started {@code bench.startups} times, in turn.
     */
    private void startups() throws Exception {
        Path hello = BenchWars.hello(settings.out().resolve("wars"));
        Path floor = BenchWars.floor(settings.out().resolve("wars"));
        for (int run = 1; run <= settings.startups(); run++) {
            results.startups.add(startup("hello-world WAR", "hello", run, hello, port -> Map.of(), "/hello/", "hello"));
            results.startups.add(startup("stack floor WAR", "floor", run, floor, port -> Map.of(),
                    "/api/healthz", "ok"));
            results.startups.add(startup("bind-backend WAR (embedded)", "backend", run, settings.war(),
                    Bench::backendProperties, "/api/healthz", "ok"));
        }
    }

    /**
     * One start of {@code war}: until {@code /health/ready} is UP, then until {@code appPath} answers {@code appBody}.
     *
     * @param properties the system properties for the port the server listens on
     */
    private Results.Startup startup(String name, String slug, int run, Path war,
            IntFunction<Map<String, String>> properties, String appPath, String appBody) throws Exception {
        int port = ServerProcess.freePort();
        Profiler profiler = settings.profile() ? Profiler.fromJvmStart(settings.out(), "startup " + slug + " " + run)
                : null;
        List<String> jvmOptions = new ArrayList<>(settings.serverJvmOptions());
        if (profiler != null) {
            jvmOptions.add(profiler.jvmOption());
        }
        try (ServerProcess server = ServerProcess.payaraMicro(name, settings.payaraMicroJar(), war,
                settings.preBootCommands(), port, jvmOptions, properties.apply(port),
                settings.out().resolve("logs/startup-" + slug + "-" + run + ".log"))) {
            Duration ready = server.awaitReady("/health/ready", body -> body.contains("UP"), START_TIMEOUT);
            long rssAtReady = server.rssKib();
            if (profiler != null) {
                profiler.stop(server.java().pid());
                results.profiles.add(profiler.summarize(name + ", start-up " + run + " until ready"));
            }
            Duration app = server.awaitReady(appPath, body -> body.trim().equals(appBody), START_TIMEOUT);
            Results.Startup startup = new Results.Startup(name, run, ready.toMillis() / 1e3, app.toMillis() / 1e3,
                    rssAtReady, server.rssKib());
            System.out.printf("  start-up %-30s run %d: ready %.2f s, app answers %.2f s, RSS %d MiB%n", name, run,
                    startup.readySeconds(), startup.appSeconds(), startup.rssKib() / 1024);
            return startup;
        }
    }

    /** Measures 1a, 2 and 3, each on a backend of its own in embedded mode, so that no part warms up another. */
    private void backend() throws Exception {
        if (settings.runs("embedded")) {
            onBackend("embedded", (backend, client) -> results.logins.add(
                    logins(client, backend)));
        }
        if (settings.runs("exchange")) {
            onBackend("exchange", this::exchanges);
        }
        if (settings.runs("api")) {
            onBackend("api", (backend, client) -> api(backend));
        }
    }

    @FunctionalInterface
    private interface BackendPart {
        void run(ServerProcess backend, OidcClient client) throws Exception;
    }

    private void onBackend(String part, BackendPart measure) throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess backend = ServerProcess.payaraMicro("bind-backend", settings.payaraMicroJar(), settings.war(),
                settings.preBootCommands(), port, settings.serverJvmOptions(), backendProperties(port),
                settings.out().resolve("logs/backend-" + part + ".log"))) {
            Duration ready = backend.awaitReady("/health/ready", body -> body.contains("UP"), START_TIMEOUT);
            System.out.printf("  bind-backend (%s) ready on %s after %.1f s%n", part, backend.uri("/"),
                    ready.toMillis() / 1e3);
            OidcClient client = new OidcClient(http, new OidcClient.Provider("bind-backend embedded",
                    backend.uri("/oidc"), CLIENT_ID, CLIENT_SECRET, backend.uri("/api/callback"), EMBEDDED_LOGIN));
            measure.run(backend, client);
            results.backendRssAfterLoadKib = Math.max(results.backendRssAfterLoadKib, backend.rssKib());
        }
    }

    /** The settings the backend runs with: embedded mode with a client id and secret the benchmark knows. */
    private static Map<String, String> backendProperties(int port) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("oidc.type", "embedded");
        properties.put("external-url", "http://127.0.0.1:" + port);
        properties.put("oidc.issuer-client-id", CLIENT_ID);
        properties.put("oidc.issuer-client-secret", CLIENT_SECRET);
        return properties;
    }

    /**
     * Measure 1: 3,000 whole logins at most, each a fresh user agent (no cookies kept between logins), after a
     * warm-up bounded by time only.
     */
    private Load.Result logins(OidcClient client, ServerProcess server) throws Exception {
        Load.Result result = report(Load.run(client.provider().name(), loginPlan(), loginsOn(client), server.cpu()));
        Report.idleWarnings(List.of(result)).forEach(warning -> System.out.println("  " + warning));
        return result;
    }

    /** Login runs: 3,000 logins at most, after a warm-up of {@link #LOGIN_WARMUP} at least. */
    private Load.Plan loginPlan() {
        return settings.plan(WARMUP_UNBOUNDED, 3_000).withWarmupOfAtLeast(LOGIN_WARMUP);
    }

    /**
     * External-mode login runs may warm up twice as long as the others: the provider's JVM shares the cores with the
     * WAR (Keycloak keeps one and a half of two busy), so the WAR's compilers settle later. With the common limit,
     * the Keycloak pair was measured with a fifth to a third of each WAR's CPU still compiling, and its ratio moved
     * between 0.82x and 1.34x from run to run.
     */
    private Load.Plan externalLoginPlan() {
        Load.Plan plan = loginPlan();
        return plan.withWarmupLimit(plan.warmupLimit().multipliedBy(2));
    }

    private static Load.Workers loginsOn(OidcClient client) {
        return index -> client::login;
    }

    /**
     * Measure 2: the server is warmed up with whole logins; then codes are made (authorize and login form, no
     * signature) and only the token requests are measured; each exchange signs one ID token.
     */
    private void exchanges(ServerProcess backend, OidcClient client) throws Exception {
        Load.Plan plan = settings.plan(300, 3_000);
        Load.Result warm = Load.run("exchange warm-up (whole logins)", settings.plan(WARMUP_UNBOUNDED, 0), loginsOn(client),
                backend.cpu());
        System.out.printf("  exchange warm-up, whole logins: %.0f s%n", warm.warmupSeconds());
        int codes = plan.warmupMax() + plan.measuredMax();
        ConcurrentLinkedQueue<OidcClient.Code> prepared = new ConcurrentLinkedQueue<>();
        Profiler profiler = settings.profile() ? Profiler.start(backend.java().pid(), settings.out(), "exchange") : null;
        // codes live 60 s at the embedded provider: make them quickly, and use the oldest first
        Load.Plan preparation = new Load.Plan(settings.concurrency(), Duration.ZERO, Duration.ZERO, 0,
                Duration.ofSeconds(20), codes);
        results.frontChannel = report(Load.run("authorize + login form (code only)", preparation,
                index -> () -> prepared.add(client.authorize()), backend.cpu()));
        Load.Plan exchange = plan.withCounts(Math.min(plan.warmupMax(), prepared.size() / 10), plan.measuredMax())
                .withMeasured(Duration.ofSeconds(Math.min(settings.measuredSeconds(), 30)));
        results.exchanges = report(Load.run("code exchange (token endpoint)", exchange, index -> () -> {
            OidcClient.Code code = prepared.poll();
            if (code == null) {
                throw new Load.Exhausted();
            }
            client.exchange(code);
        }, backend.cpu()));
        if (profiler != null) {
            profiler.stop(backend.java().pid());
            results.profiles.add(profiler.summarize(results.frontChannel, results.frontChannel.name()));
            results.profiles.add(profiler.summarize(results.exchanges, results.exchanges.name()));
        }
    }

    /** Measure 3: /api/ping with a bearer token and with the session cookie, and the unprotected /api/healthz. */
    private void api(ServerProcess backend) throws Exception {
        JsonObject exports = Json.object(http.send(HttpRequest.newBuilder(backend.uri("/api/exports")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        URI authenticatedUrl = URI.create(exports.getJsonArray("authenticationMethods").getJsonObject(0)
                .getJsonObject("oauth2CodeGrant").getString("authenticatedURL"));
        String token = CliLogin.login(new BrowserlessLogin(), authenticatedUrl, "bench-session", "bench-cluster",
                EMBEDDED_LOGIN).get("access_token");
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> loginPage = browser.follow(URI.create(backend.uri("/api/authorize")
                + "?client_type=ui&session_id=bench-ui&redirect_url=" + CliLogin.encode(backend.uri("/").toString())));
        browser.follow(BrowserlessLogin.location(browser.submit(loginPage, EMBEDDED_LOGIN)));
        String cookie = browser.cookie("kube-bind").orElseThrow(() -> new IllegalStateException("no session cookie"));

        Load.Plan plan = settings.plan(50_000, 500_000);
        // Payara's request path takes a minute or more of load to be compiled fully on two cores: warm it up with
        // the three requests in turn, then measure them in turn, twice, and keep the second round
        List<HttpRequest> mix = List.of(apiRequest(backend, "/api/healthz", null, null),
                apiRequest(backend, "/api/ping", "Authorization", "Bearer " + token),
                apiRequest(backend, "/api/ping", "Cookie", "kube-bind=" + cookie));
        AtomicInteger next = new AtomicInteger();
        Profiler profiler = settings.profile() ? Profiler.start(backend.java().pid(), settings.out(), "api") : null;
        Load.Result warmup = Load.run("API warm-up", new Load.Plan(plan.concurrency(), plan.warmup().multipliedBy(6),
                plan.warmupLimit(), WARMUP_UNBOUNDED, Duration.ZERO, 0), index -> () -> {
                    HttpResponse<Void> response = http.send(mix.get(next.getAndIncrement() % mix.size()),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("API warm-up: " + response.statusCode());
                    }
                }, backend.cpu());
        System.out.printf("  API warm-up, the three requests in turn: %.0f s%n", warmup.warmupSeconds());
        // warm already: each run gets the least warm-up
        plan = new Load.Plan(plan.concurrency(), plan.warmup(), plan.warmup(), plan.warmupMax(), plan.measured(),
                plan.measuredMax());
        for (int round = 1; round <= API_ROUNDS; round++) {
            List<Load.Result> runs = List.of(
                    apiRun(backend, "GET /api/healthz (unprotected)", plan, "/api/healthz", "ok", null, null, round),
                    apiRun(backend, "GET /api/ping, bearer token", plan, "/api/ping", "pong", "Authorization",
                            "Bearer " + token, round),
                    apiRun(backend, "GET /api/ping, session cookie", plan, "/api/ping", "pong", "Cookie",
                            "kube-bind=" + cookie, round));
            results.apiRounds.add(runs);
        }
        results.api.addAll(results.apiRounds.get(results.apiRounds.size() - 1));
        if (profiler != null) {
            profiler.stop(backend.java().pid());
            for (int round = 0; round < results.apiRounds.size(); round++) {
                for (Load.Result run : results.apiRounds.get(round)) {
                    results.profiles.add(profiler.summarize(run, run.name() + ", round " + (round + 1)));
                }
            }
        }
    }

    private Load.Result apiRun(ServerProcess backend, String name, Load.Plan plan, String path, String body,
            String header, String value, int round) throws Exception {
        HttpRequest request = apiRequest(backend, path, header, value);
        Load.Result result = report(Load.run(name + (API_ROUNDS > 1 ? ", round " + round : ""), plan, index -> () -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().trim().equals(body)) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
        }, backend.cpu()));
        return result.renamed(name);
    }

    private static HttpRequest apiRequest(ServerProcess backend, String path, String header, String value) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(backend.uri(path)).timeout(Duration.ofSeconds(30));
        if (header != null) {
            builder.header(header, value);
        }
        return builder.GET().build();
    }

    /**
     * Measure 5: /api/ping with a bearer token on one replica alone, then on one member of a three-member data grid
     * while a second member logs sessions out through the grid (ten a second); then the logout-to-refusal latency
     * across members.
     */
    private void replicas() throws Exception {
        Replicas replicas = new Replicas(settings, http);
        Load.Plan plan = settings.plan(50_000, 500_000);
        int alonePort = ServerProcess.freePort();
        try (ServerProcess alone = replicas.start("single replica", alonePort, URI.create("http://127.0.0.1:" + alonePort),
                List.of("--nohazelcast"))) {
            String token = replicas.token(alone, 0);
            results.replicaApi.add(report(apiLoad(alone, "GET /api/ping, bearer token: one replica alone", plan, token))
                    .renamed("one replica alone"));
        }
        String grid = "bench-" + Long.toHexString(System.nanoTime());
        int firstGridPort = ServerProcess.freePort();
        List<ServerProcess> members = new ArrayList<>();
        try {
            int firstPort = ServerProcess.freePort();
            URI externalUrl = URI.create("http://127.0.0.1:" + firstPort);
            for (int i = 0; i < Replicas.MEMBERS; i++) {
                int port = i == 0 ? firstPort : ServerProcess.freePort();
                members.add(replicas.start("grid member " + (i + 1), port, externalUrl, Replicas.grid(grid, firstGridPort)));
            }
            ServerProcess measured = members.get(0);
            ServerProcess loggingOut = members.get(1);
            String token = replicas.token(measured, 1);
            List<String> toEnd = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                toEnd.add(replicas.token(measured, 100 + i));
            }
            Thread logouts = new Thread(() -> {
                for (String ended : toEnd) {
                    try {
                        replicas.logOut(loggingOut, ended);
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        System.out.println("  background logout failed: " + e);
                    }
                }
            });
            logouts.setDaemon(true);
            logouts.start();
            results.replicaApi.add(report(apiLoad(measured, "GET /api/ping, bearer token: member of a grid of "
                    + Replicas.MEMBERS, plan, token)).renamed("member of a grid of " + Replicas.MEMBERS
                    + ", logouts flowing"));
            logouts.interrupt();
            results.logoutLatencyMillis.addAll(replicas.logoutLatencies(measured, loggingOut,
                    List.of(measured, members.get(2))));
            results.backChannelLatencyMillis.addAll(replicas.backChannelLatencies(measured, members.subList(1, 3)));
            // The same member once more, the two others gone: what their presence costs, apart from the grid's own.
            members.subList(1, members.size()).forEach(ServerProcess::close);
            results.replicaApi.add(report(apiLoad(measured, "GET /api/ping, bearer token: grid member, the others "
                    + "stopped", plan, token)).renamed("the same member, the two others stopped"));
        } finally {
            members.forEach(ServerProcess::close);
        }
    }

    /**
     * Measure 7: the protected API on a replica that holds 100,000 ended sessions (each of a user of its own) and
     * 10,000 users logged out everywhere, against its twin that holds none, in alternating rounds so that both see
     * the same machine. The revocations are given as a revocations file written with the shared key, which the
     * replica reads at start as after a restart: they are the index's own entries, as logouts make them. The
     * measured session's user has ten ended sessions of its own there, so that the check finds the user and looks
     * inside, the costlier case.
     */
    private void revocations() throws Exception {
        Replicas replicas = new Replicas(settings, http);
        Load.Plan plan = settings.plan(50_000, 500_000);
        int nonePort = ServerProcess.freePort();
        int heldPort = ServerProcess.freePort();
        URI heldUrl = URI.create("http://127.0.0.1:" + heldPort);
        String user = "bench-revocations";
        Path journal = settings.out().resolve("revocations").resolve("revocations-file");
        Files.createDirectories(journal.getParent());
        Files.write(journal, TestRevocations.journal(TestSettings.external("session-signing-key",
                Replicas.properties(heldUrl, false).get("session-signing-key")), heldUrl + "/oidc", 100_000, 10_000,
                user, Instant.now()));
        try (ServerProcess none = replicas.start("no revocations held", nonePort,
                URI.create("http://127.0.0.1:" + nonePort), List.of("--nohazelcast"));
                ServerProcess held = replicas.start("110,000 revocations held", heldPort, heldUrl,
                        List.of("--nohazelcast"), Map.of("revocations-file", journal.toString()))) {
            String noneToken = Replicas.token(none, user, new BrowserlessLogin());
            String heldToken = Replicas.token(held, user, new BrowserlessLogin());
            for (int round = 1; round <= API_ROUNDS; round++) {
                results.revocationApi.add(report(apiLoad(none, "GET /api/ping, bearer token: no revocations held, round "
                        + round, plan, noneToken)).renamed("none held, round " + round));
                results.revocationApi.add(report(apiLoad(held, "GET /api/ping, bearer token: 100,000 sessions and "
                        + "10,000 users ended, round " + round, plan, heldToken))
                        .renamed("100,000 sessions and 10,000 users ended, round " + round));
            }
        }
    }

    /** The bearer API call on {@code server}, warmed up until warm, then measured (and profiled with --profile). */
    private Load.Result apiLoad(ServerProcess server, String name, Load.Plan plan, String token) throws Exception {
        HttpRequest request = apiRequest(server, "/api/ping", "Authorization", "Bearer " + token);
        Load.Plan warm = new Load.Plan(plan.concurrency(), plan.warmup().multipliedBy(6), plan.warmupLimit(),
                WARMUP_UNBOUNDED, plan.measured(), plan.measuredMax());
        Profiler profiler = settings.profile() ? Profiler.start(server.java().pid(), settings.out(),
                "replicas-" + results.replicaApi.size()) : null;
        Load.Result result = Load.run(name, warm, index -> () -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().trim().equals("pong")) {
                throw new IllegalStateException("/api/ping answered " + response.statusCode() + ": " + response.body());
            }
        }, server.cpu());
        if (profiler != null) {
            profiler.stop(server.java().pid());
            results.profiles.add(profiler.summarize(result, name));
        }
        return result;
    }

    /** Measure 1b: mock-oauth2-server, with its login form (interactive login). */
    private void mockOAuth2Server() throws Exception {
        try (ServerProcess mock = startMockOAuth2Server("mock-oauth2-server")) {
            OidcClient client = new OidcClient(http, new OidcClient.Provider("mock-oauth2-server",
                    mock.uri("/default"), CLIENT_ID, CLIENT_SECRET, mock.uri("/callback"), MOCK_LOGIN));
            results.logins.add(logins(client, mock));
            results.otherRssAfterLoadKib.put("mock-oauth2-server", mock.rssKib());
        }
    }

    /** Measure 1c: Keycloak (realm bind, user alice) with its own JVM defaults. */
    private void keycloak() throws Exception {
        try (ServerProcess keycloak = startKeycloak("keycloak")) {
            OidcClient client = new OidcClient(http, new OidcClient.Provider("Keycloak",
                    keycloak.uri("/realms/" + Keycloak.REALM), Keycloak.CLIENT_ID, Keycloak.CLIENT_SECRET,
                    URI.create(Keycloak.REDIRECT_URI), KEYCLOAK_LOGIN));
            results.logins.add(logins(client, keycloak));
            results.otherRssAfterLoadKib.put("Keycloak", keycloak.rssKib());
        }
    }

    /**
     * Measure 6: a browser login at a WAR whose provider is mock-oauth2-server or Keycloak, on the backend in external
     * mode and on the floor WAR (the container's OpenID Connect mechanism alone, nothing of ours), each on a Payara
     * Micro of its own; what is measured is the WAR's CPU per login: its callback (code exchange, ID token checks,
     * session) and the redirect that starts the login.
     */
    private void external() throws Exception {
        Path floor = BenchWars.floor(settings.out().resolve("wars"));
        try (ServerProcess mock = startMockOAuth2Server("external-mock-oauth2-server")) {
            URI issuer = mock.uri("/default");
            externalLogins("mock-oauth2-server", issuer, CLIENT_ID, CLIENT_SECRET, "sub", MOCK_LOGIN, floor);
        }
        try (ServerProcess keycloak = startKeycloak("external-keycloak")) {
            URI issuer = keycloak.uri("/realms/" + Keycloak.REALM);
            externalLogins("Keycloak", issuer, Keycloak.CLIENT_ID, Keycloak.CLIENT_SECRET, "preferred_username",
                    KEYCLOAK_LOGIN, floor);
        }
    }

    private void externalLogins(String providerName, URI issuer, String clientId, String clientSecret,
            String usernameClaim, Map<String, String> credentials, Path floor) throws Exception {
        Map<String, String> floorSettings = Map.of("floor.provider-uri", issuer.toString(),
                "floor.client-id", clientId, "floor.client-secret", clientSecret);
        results.externalLogins.add(externalLogins("container's mechanism alone, " + providerName, floor,
                port -> floorSettings, "/api/callback", credentials,
                (answer, browser) -> answer.statusCode() == 200 && answer.body().startsWith("hello ")));
        results.externalLogins.add(externalLogins("bind-backend (external), " + providerName, settings.war(),
                port -> {
                    Map<String, String> properties = new LinkedHashMap<>();
                    properties.put("oidc.type", "external");
                    properties.put("external-url", "http://127.0.0.1:" + port);
                    properties.put("oidc.issuer-url", issuer.toString());
                    properties.put("oidc.issuer-client-id", clientId);
                    properties.put("oidc.issuer-client-secret", clientSecret);
                    properties.put("oidc.username-claim", usernameClaim);
                    return properties;
                }, "/login", credentials,
                (answer, browser) -> answer.statusCode() == 303 && browser.hasCookie("kube-bind")));
    }

    private Load.Result externalLogins(String name, Path war, IntFunction<Map<String, String>> properties,
            String start, Map<String, String> credentials,
            BiPredicate<HttpResponse<String>, UserAgent> loggedIn) throws Exception {
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.payaraMicro(name, settings.payaraMicroJar(), war,
                settings.preBootCommands(), port, settings.serverJvmOptions(), properties.apply(port),
                settings.out().resolve("logs/external-" + slug(name) + ".log"))) {
            server.awaitReady("/health/ready", body -> body.contains("UP"), START_TIMEOUT);
            WebLogin login = new WebLogin(name, server.uri(start), "/api/callback", credentials, loggedIn);
            Profiler profiler = settings.profile() ? Profiler.start(server.java().pid(), settings.out(), name) : null;
            Load.Result result = report(Load.run(name, externalLoginPlan(), index -> () -> login.run(http),
                    server.cpu()));
            if (profiler != null) {
                profiler.stop(server.java().pid());
                results.profiles.add(profiler.summarize(result, name));
            }
            return result;
        }
    }

    /** mock-oauth2-server in its own JVM, on its Netty server (see docs/benchmarks.md, "What was wrong"). */
    private ServerProcess startMockOAuth2Server(String logName) throws Exception {
        int port = ServerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(ServerProcess.javaBinary()));
        command.addAll(settings.serverJvmOptions());
        command.addAll(List.of("-cp", settings.lib().resolve("*").toString(),
                "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt"));
        // The standalone main runs Netty unless a JSON configuration is given; one that names no server selects
        // OkHttp's MockWebServer, whose responses wait for the client's delayed ACK on kept-alive connections.
        ServerProcess mock = ServerProcess.start("mock-oauth2-server", command, Map.of(
                "SERVER_HOSTNAME", "127.0.0.1", "SERVER_PORT", String.valueOf(port),
                "JSON_CONFIG", "{\"interactiveLogin\":true,\"httpServer\":\"NettyWrapper\"}"),
                settings.out().resolve("logs/" + logName + ".log"), port);
        Duration ready = mock.awaitReadyOrStop("/default/.well-known/openid-configuration",
                body -> body.contains("issuer"), START_TIMEOUT);
        System.out.printf("  mock-oauth2-server ready after %.1f s%n", ready.toMillis() / 1e3);
        return mock;
    }

    /** Keycloak (realm bind, user alice) with its own JVM defaults, from a fresh realm import. */
    private ServerProcess startKeycloak(String logName) throws Exception {
        Path zip = settings.keycloakZip();
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("No Keycloak distribution at " + zip);
        }
        Path home = Keycloak.prepare(zip, settings.out().resolve(logName));
        int port = ServerProcess.freePort();
        ServerProcess keycloak = Keycloak.start(home, port, settings.out().resolve("logs/" + logName + ".log"));
        Duration ready = keycloak.awaitReadyOrStop("/realms/" + Keycloak.REALM
                + "/.well-known/openid-configuration", body -> body.contains("issuer"), START_TIMEOUT);
        System.out.printf("  Keycloak ready after %.1f s%n", ready.toMillis() / 1e3);
        return keycloak;
    }

    private static String slug(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "").toLowerCase(Locale.ROOT);
    }

    private static Load.Result report(Load.Result result) {
        System.out.printf("  %-38s %9.1f /s  p50 %7.2f ms  p95 %7.2f ms  server CPU %s  (%d ok, %d errors, %.1f s, "
                        + "other processes %.2f cores)%n",
                result.name(), result.perSecond(), result.percentileMillis(50), result.percentileMillis(95),
                Double.isNaN(result.serverCpuMillisPerOperation()) ? "-"
                        : String.format("%.3f ms/op", result.serverCpuMillisPerOperation()),
                result.operations(), result.errors(), result.seconds(), result.otherCores());
        if (result.firstError() != null) {
            System.out.println("    first error: " + result.firstError());
        }
        if (result.operations() == 0) {
            throw new IllegalStateException(result.name() + ": no operation succeeded: " + result.firstError());
        }
        return result;
    }

    /**
     * The benchmark's settings, from system properties.
     *
     * @param only             the parts to run ({@code bench.only}: {@code all} or a comma list of {@link #PARTS})
     * @param concurrency      load workers ({@code bench.concurrency})
     * @param warmupSeconds    minimum warm-up time of each run ({@code bench.warmupSeconds})
     * @param warmupLimitSeconds warm-up time limit of each run, if not steady before ({@code bench.warmupLimitSeconds})
     * @param measuredSeconds  measured time of each run ({@code bench.seconds})
     * @param startups         start-ups of each WAR ({@code bench.startups})
     * @param serverJvmOptions JVM options of Payara Micro and mock-oauth2-server ({@code bench.serverJvmOptions})
     * @param profile          record JFR profiles of each start-up until ready and of the backend during the
     *                         exchange and API runs ({@code bench.profile})
     * @param label            what WAR is measured, for the report ({@code bench.label})
     */
    record Settings(Set<String> only, int concurrency, int warmupSeconds, int warmupLimitSeconds, int measuredSeconds,
            int startups,
            List<String> serverJvmOptions, boolean profile, String label, Path war, Path payaraMicroJar, Path keycloakZip,
            Path serverConfig, Path lib, Path out) {

        static Settings fromSystemProperties() {
            String only = System.getProperty("bench.only", "all").trim();
            Set<String> parts = only.isEmpty() || only.equals("all") ? Set.copyOf(PARTS)
                    : Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet());
            for (String part : parts) {
                if (!PARTS.contains(part)) {
                    throw new IllegalArgumentException("Unknown part " + part + " in bench.only: use " + PARTS);
                }
            }
            String jvm = System.getProperty("bench.serverJvmOptions", "").trim();
            int warmup = integer("bench.warmupSeconds", 5);
            return new Settings(parts, integer("bench.concurrency", 4), warmup,
                    Math.max(warmup, integer("bench.warmupLimitSeconds", 90)), integer("bench.seconds", 15), integer("bench.startups", 2),
                    jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")),
                    Boolean.getBoolean("bench.profile"), System.getProperty("bench.label", "").trim(),
                    path("bench.war"), path("bench.payaraMicroJar"), path("bench.keycloakZip"),
                    path("bench.serverConfig"), path("bench.lib"), path("bench.out"));
        }

        boolean runs(String part) {
            return only.contains(part);
        }

        Duration warmup() {
            return Duration.ofSeconds(warmupSeconds);
        }

        Load.Plan plan(int warmupMax, int measuredMax) {
            return new Load.Plan(concurrency, warmup(), Duration.ofSeconds(warmupLimitSeconds), warmupMax,
                    Duration.ofSeconds(measuredSeconds), measuredMax);
        }

        Path preBootCommands() {
            return serverConfig.resolve("payara/pre-boot-commands.asadmin");
        }

        String describe() {
            return label + ": parts " + PARTS.stream().filter(this::runs).toList() + ", " + concurrency + " workers, warm-up "
                    + warmupSeconds + " to " + warmupLimitSeconds + " s, measured " + measuredSeconds + " s per run, " + startups
                    + " start-ups each, server JVM options " + (serverJvmOptions.isEmpty() ? "(none)" : serverJvmOptions)
                    + (profile ? ", JFR profiles of the start-ups, the exchange and API runs (numbers perturbed)" : "");
        }

        private static int integer(String name, int fallback) {
            String value = System.getProperty(name, "").trim();
            return value.isEmpty() ? fallback : Integer.parseInt(value);
        }

        private static Path path(String name) {
            String value = System.getProperty(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("System property " + name + " is not set: run src/bench/run");
            }
            return Path.of(value).toAbsolutePath();
        }
    }
}
