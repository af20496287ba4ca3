package org.bindbackend.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The results as a Markdown table (printed, and results.md), JSON, CSV and a chart (benchmarks.png). */
final class Report {

    /** Above this idle share of the cores a login run is flagged: the embedded and Keycloak runs are CPU-bound. */
    private static final double IDLE_WARNING_SHARE = 0.3;

    private final Results results;
    private final Map<String, String> machine;

    Report(Results results) {
        this.results = results;
        this.machine = machine();
    }

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("results.md"), markdown());
        Files.writeString(directory.resolve("results.json"), json());
        Files.writeString(directory.resolve("results.csv"), csv());
        Chart.draw(results, machineLine(), directory.resolve("benchmarks.png"));
        if (!results.profiles.isEmpty()) {
            Files.writeString(directory.resolve("profiles.txt"), String.join("\n", results.profiles));
        }
    }

    /** The tables of docs/benchmarks.md. */
    String markdown() {
        StringBuilder md = new StringBuilder();
        if (results.settings.profile()) {
            md.append("**Profiled run (JFR): the exchange and API numbers are perturbed, not for publishing.** ");
        }
        md.append("Measured: ").append(results.settings.label()).append(", WAR ")
                .append(results.settings.war().getFileName()).append(". ");
        md.append("Run ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" on ").append(machineLine())
                .append(". Load generator: ").append(results.settings.concurrency())
                .append(" workers on the same machine, warm-up at least ").append(results.settings.warmupSeconds())
                .append(" s, then until the rate is steady and the server's JIT compilers take at most 10 % of its CPU"
                        + " (at most ").append(results.settings.warmupLimitSeconds())
                .append(" s), then at most ").append(results.settings.measuredSeconds())
                .append(" s per run. Server JVM options: ")
                .append(results.settings.serverJvmOptions().isEmpty() ? "none (the JVM's defaults, as docker/bind-backend)"
                        : "`" + String.join(" ", results.settings.serverJvmOptions()) + "`")
                .append(". Whole run: ").append(String.format(Locale.ROOT, "%.0f s", results.totalSeconds))
                .append("; load averages (1, 5, 15 min) ").append(results.loadAveragesAtStart).append(" at the start, ")
                .append(results.loadAveragesAtEnd).append(" at the end. *other load*: cores that other processes "
                        + "kept busy during the run, not the server nor the load generator (0 on a quiet machine).\n\n");
        if (!results.logins.isEmpty()) {
            Load.Result base = results.logins.get(0);
            md.append("#### 1. Logins: the whole authorization-code flow\n\n");
            md.append("| provider | logins/s | p50 ms | p95 ms | server CPU ms/login | of it JIT | client CPU ms/login "
                    + "| logins/s vs first | server CPU vs first | logins | errors | other load |\n");
            md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
            for (Load.Result login : results.logins) {
                md.append(row(login.name(), f1(login.perSecond()), f2(login.percentileMillis(50)),
                        f2(login.percentileMillis(95)), f2(login.serverCpuMillisPerOperation()),
                        percent(login.serverJitShare()), f2(login.clientCpuMillisPerOperation()),
                        ratio(login.perSecond(), base.perSecond()),
                        ratio(login.serverCpuMillisPerOperation(), base.serverCpuMillisPerOperation()),
                        String.valueOf(login.operations()), String.valueOf(login.errors()), f2(login.otherCores())));
            }
            md.append('\n');
            idleWarnings(results.logins).forEach(warning -> md.append(warning).append("\n\n"));
        }
        if (results.exchanges != null || results.signingOneCore != null) {
            md.append("#### 2. Code exchanges at the embedded token endpoint, and the RS256 signing ceiling\n\n");
            md.append("| what | per second | p50 ms | p95 ms | server CPU ms/op | of it JIT | operations | other load |\n");
            md.append("|---|--:|--:|--:|--:|--:|--:|--:|\n");
            for (Load.Result r : new Load.Result[] {results.frontChannel, results.exchanges, results.signingOneCore,
                    results.signingAllCores}) {
                if (r != null) {
                    md.append(row(r.name(), f1(r.perSecond()), f2(r.percentileMillis(50)), f2(r.percentileMillis(95)),
                            f2(r.serverCpuMillisPerOperation()), percent(r.serverJitShare()),
                            String.valueOf(r.operations()), f2(r.otherCores())));
                }
            }
            md.append('\n');
            loginAgainstItsFloor().ifPresent(text -> md.append(text).append("\n\n"));
        }
        if (!results.api.isEmpty()) {
            Load.Result open = results.api.get(0);
            md.append("#### 3. The protected API\n\n");
            md.append("| request | requests/s | p50 ms | p95 ms | server CPU µs/request | of it JIT "
                    + "| requests/s vs unprotected | CPU vs unprotected | other load |\n");
            md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
            for (Load.Result r : results.api) {
                md.append(row(r.name(), f0(r.perSecond()), f2(r.percentileMillis(50)), f2(r.percentileMillis(95)),
                        f0(r.serverCpuMillisPerOperation() * 1000), percent(r.serverJitShare()),
                        ratio(r.perSecond(), open.perSecond()),
                        ratio(r.serverCpuMillisPerOperation(), open.serverCpuMillisPerOperation()), f2(r.otherCores())));
            }
            if (results.apiRounds.size() > 1) {
                md.append("\nThe last of ").append(results.apiRounds.size()).append(" rounds; requests/s in the rounds "
                        + "before: ");
                md.append(results.apiRounds.subList(0, results.apiRounds.size() - 1).stream()
                        .map(round -> round.stream().map(r -> f0(r.perSecond())).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("; "))).append(".\n");
            }
            md.append('\n');
        }
        if (results.replicaApi.size() >= 2) {
            Load.Result alone = results.replicaApi.get(0);
            Load.Result member = results.replicaApi.get(1);
            md.append("#### 5. Replicas: the protected API in a data grid, and logouts across it\n\n");
            md.append("| GET /api/ping, bearer token | requests/s | p50 ms | p95 ms | server CPU µs/request "
                    + "| requests/s vs alone |\n|---|--:|--:|--:|--:|--:|\n");
            for (Load.Result r : results.replicaApi) {
                md.append(row(r.name(), f0(r.perSecond()), f2(r.percentileMillis(50)), f2(r.percentileMillis(95)),
                        f0(r.serverCpuMillisPerOperation() * 1000), ratio(r.perSecond(), alone.perSecond())));
            }
            md.append(String.format("%nThe member is measured alone while the two other members run and a second "
                    + "member logs out ten sessions a second through the grid: the revocation check stays in memory. "
                    + "Ratio %.2f (goal: at least 0.9).%n", member.perSecond() / alone.perSecond()));
        }
        if (!results.logoutLatencyMillis.isEmpty()) {
            md.append(latencies("Logout on one member until refused on both others", results.logoutLatencyMillis));
        }
        if (!results.backChannelLatencyMillis.isEmpty()) {
            md.append(latencies("Logout at the embedded provider, through its back-channel logout to one member, "
                    + "until refused on both others (goal: p99 under 1 s)", results.backChannelLatencyMillis));
        }
        if (results.revocationApi.size() >= 2) {
            md.append("#### 7. Revocations held: the protected API with many sessions ended\n\n");
            md.append("| GET /api/ping, bearer token | requests/s | p50 ms | p95 ms | server CPU µs/request "
                    + "| requests/s vs none held, same round |\n|---|--:|--:|--:|--:|--:|\n");
            for (int i = 0; i < results.revocationApi.size(); i++) {
                Load.Result r = results.revocationApi.get(i);
                Load.Result none = results.revocationApi.get(i - i % 2);
                md.append(row(r.name(), f0(r.perSecond()), f2(r.percentileMillis(50)), f2(r.percentileMillis(95)),
                        f0(r.serverCpuMillisPerOperation() * 1000), ratio(r.perSecond(), none.perSecond())));
            }
            int last = results.revocationApi.size() - 1;
            md.append(String.format("%nTwo replicas alike but for what they hold, measured in turn: one none, the "
                    + "other 100,000 ended sessions and 10,000 users logged out everywhere, read from a revocations "
                    + "file at start; the measured user has ten ended sessions there. Last round's ratio %.2f (goal: at "
                    + "least 0.95).%n%n", results.revocationApi.get(last).perSecond()
                    / results.revocationApi.get(last - 1).perSecond()));
        }
        if (!results.externalLogins.isEmpty()) {
            md.append("#### 6. External mode: what a browser login costs the WAR\n\n");
            md.append("| WAR, provider | logins/s | p50 ms | p95 ms | WAR CPU ms/login | of it JIT "
                    + "| WAR CPU vs the container's mechanism alone | logins | errors | other load |\n");
            md.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
            for (int i = 0; i < results.externalLogins.size(); i++) {
                Load.Result login = results.externalLogins.get(i);
                Load.Result floor = results.externalLogins.get(i - i % 2);
                md.append(row(login.name(), f1(login.perSecond()), f2(login.percentileMillis(50)),
                        f2(login.percentileMillis(95)), f2(login.serverCpuMillisPerOperation()),
                        percent(login.serverJitShare()),
                        ratio(login.serverCpuMillisPerOperation(), floor.serverCpuMillisPerOperation()),
                        String.valueOf(login.operations()), String.valueOf(login.errors()), f2(login.otherCores())));
            }
            md.append("\nEach pair runs against one provider: first the container's mechanism alone (the floor WAR), "
                    + "then the backend. The provider's own CPU is in *other load*.\n\n");
        }
        if (!results.startups.isEmpty()) {
            md.append("#### 4. Start-up on Payara Micro 6.2025.10 (same JVM and flags)\n\n");
            md.append("| WAR | runs | /health/ready UP after (s) | app answers after (s) | RSS when ready (MiB) "
                    + "| RSS after first answer (MiB) |\n");
            md.append("|---|--:|--:|--:|--:|--:|\n");
            Map<String, List<Results.Startup>> byApp = startupsByApp();
            for (Map.Entry<String, List<Results.Startup>> app : byApp.entrySet()) {
                List<Results.Startup> runs = app.getValue();
                md.append(row(app.getKey(), String.valueOf(runs.size()),
                        f2(median(runs.stream().mapToDouble(Results.Startup::readySeconds).toArray())),
                        f2(median(runs.stream().mapToDouble(Results.Startup::appSeconds).toArray())),
                        f0(median(runs.stream().mapToDouble(s -> s.rssKib() / 1024.0).toArray())),
                        f0(median(runs.stream().mapToDouble(s -> s.rssAppKib() / 1024.0).toArray()))));
            }
            List<List<Results.Startup>> apps = new ArrayList<>(byApp.values());
            List<Results.Startup> backend = apps.get(apps.size() - 1);
            for (List<Results.Startup> other : apps.subList(0, apps.size() - 1)) {
                md.append(String.format(Locale.ROOT, "%nMedians, backend vs %s: ready %s, RSS when ready %+.0f MiB.%n",
                        other.get(0).app(), ratio(medianReady(backend), medianReady(other)),
                        (medianRssKib(backend) - medianRssKib(other)) / 1024));
            }
            md.append('\n');
        }
        List<String> memory = new ArrayList<>();
        if (results.backendRssAfterLoadKib > 0) {
            memory.add("bind-backend " + results.backendRssAfterLoadKib / 1024 + " MiB");
        }
        results.otherRssAfterLoadKib.forEach((name, kib) -> memory.add(name + " " + kib / 1024 + " MiB"));
        if (!memory.isEmpty()) {
            md.append("Resident memory after the load runs: ").append(String.join(", ", memory)).append(".\n");
        }
        return md.toString();
    }

    /**
     * The embedded login against its floor, one RS256 signature (the ID token's; its access and refresh tokens are
     * opaque), and against mock-oauth2-server measured in the same run; with the parts a login is made of, and what
     * one unprotected request costs this server, so that the remainder can be told apart from the signature.
     */
    private Optional<String> loginAgainstItsFloor() {
        Optional<Load.Result> embedded = login("bind-backend embedded");
        if (embedded.isEmpty() || results.signingOneCore == null) {
            return Optional.empty();
        }
        double login = embedded.get().serverCpuMillisPerOperation();
        double signature = 1000.0 / results.signingOneCore.perSecond();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "One RS256 signature, the floor of an "
                + "embedded login, costs %.2f ms here; a whole embedded login costs the server %.2f ms of CPU, %.2f× "
                + "that floor.", signature, login, login / signature));
        if (results.frontChannel != null && results.exchanges != null) {
            text.append(String.format(Locale.ROOT, " Its three requests: authorize and login form %.2f ms together, "
                    + "the code exchange %.2f ms (the signature and %.2f ms besides).",
                    results.frontChannel.serverCpuMillisPerOperation(), results.exchanges.serverCpuMillisPerOperation(),
                    results.exchanges.serverCpuMillisPerOperation() - signature));
        }
        if (!results.api.isEmpty()) {
            double request = results.api.get(0).serverCpuMillisPerOperation();
            text.append(String.format(Locale.ROOT, " An unprotected request (%s) costs this server %.2f ms, so three "
                    + "such requests and the signature come to %.2f ms (%.2f× the signature).",
                    results.api.get(0).name(), request, signature + 3 * request, (signature + 3 * request) / signature));
        }
        login("mock-oauth2-server").ifPresent(mock -> text.append(String.format(Locale.ROOT, " Against "
                + "mock-oauth2-server's %.2f ms per login in this run: %.2f×.", mock.serverCpuMillisPerOperation(),
                login / mock.serverCpuMillisPerOperation())));
        return Optional.of(text.toString());
    }

    private Optional<Load.Result> login(String provider) {
        return results.logins.stream().filter(run -> run.name().equals(provider)).findFirst();
    }

    /**
     * A warning for each run during which the machine stayed idle although the load generator always had requests
     * in flight: such a run measured a wait (connection handling, Nagle's algorithm against delayed ACKs, a client
     * limit), not the server's work, and is a harness problem until shown otherwise.
     */
    static List<String> idleWarnings(List<Load.Result> runs) {
        int cores = Runtime.getRuntime().availableProcessors();
        return runs.stream().filter(run -> run.idleShare(cores) > IDLE_WARNING_SHARE)
                .map(run -> String.format(Locale.ROOT, "**Check the harness:** the cores were %.0f %% idle during the "
                        + "%s run while every worker had a request in flight: its latency is a wait, not work.",
                        100 * run.idleShare(cores), run.name()))
                .toList();
    }

    private static double medianReady(List<Results.Startup> runs) {
        return median(runs.stream().mapToDouble(Results.Startup::readySeconds).toArray());
    }

    private static double medianRssKib(List<Results.Startup> runs) {
        return median(runs.stream().mapToDouble(Results.Startup::rssKib).toArray());
    }

    /** The start-ups by WAR, in the order they ran; the backend's come last. */
    Map<String, List<Results.Startup>> startupsByApp() {
        return results.startups.stream().collect(Collectors.groupingBy(Results.Startup::app, LinkedHashMap::new,
                Collectors.toList()));
    }

    private String json() {
        JsonObjectBuilder root = Json.createObjectBuilder()
                .add("generated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .add("totalSeconds", round(results.totalSeconds))
                .add("loadAveragesAtStart", results.loadAveragesAtStart)
                .add("loadAveragesAtEnd", results.loadAveragesAtEnd);
        JsonObjectBuilder machineJson = Json.createObjectBuilder();
        machine.forEach(machineJson::add);
        root.add("machine", machineJson);
        Bench.Settings s = results.settings;
        root.add("settings", Json.createObjectBuilder()
                .add("label", s.label()).add("war", s.war().toString())
                .add("parts", Json.createArrayBuilder(Bench.PARTS.stream().filter(s::runs).toList()))
                .add("concurrency", s.concurrency()).add("warmupSeconds", s.warmupSeconds())
                .add("warmupLimitSeconds", s.warmupLimitSeconds()).add("measuredSeconds", s.measuredSeconds()).add("startups", s.startups())
                .add("serverJvmOptions", Json.createArrayBuilder(s.serverJvmOptions())));
        root.add("logins", array(results.logins));
        JsonObjectBuilder exchange = Json.createObjectBuilder();
        addIf(exchange, "frontChannel", results.frontChannel);
        addIf(exchange, "exchanges", results.exchanges);
        addIf(exchange, "signingOneThread", results.signingOneCore);
        addIf(exchange, "signingAllCores", results.signingAllCores);
        root.add("codeExchange", exchange);
        root.add("api", array(results.api));
        root.add("externalLogins", array(results.externalLogins));
        JsonArrayBuilder rounds = Json.createArrayBuilder();
        results.apiRounds.forEach(round -> rounds.add(array(round)));
        root.add("apiRounds", rounds);
        JsonArrayBuilder startups = Json.createArrayBuilder();
        for (Results.Startup s2 : results.startups) {
            startups.add(Json.createObjectBuilder().add("app", s2.app()).add("run", s2.run())
                    .add("readySeconds", s2.readySeconds()).add("appSeconds", s2.appSeconds())
                    .add("rssKib", s2.rssKib()).add("rssAfterFirstAnswerKib", s2.rssAppKib()));
        }
        root.add("startups", startups);
        JsonObjectBuilder rss = Json.createObjectBuilder();
        if (results.backendRssAfterLoadKib > 0) {
            rss.add("bind-backend", results.backendRssAfterLoadKib);
        }
        results.otherRssAfterLoadKib.forEach(rss::add);
        root.add("rssAfterLoadKib", rss);
        StringWriter out = new StringWriter();
        JsonWriterFactory writers = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        writers.createWriter(out).write(root.build());
        return out + "\n";
    }

    private static void addIf(JsonObjectBuilder object, String name, Load.Result result) {
        if (result != null) {
            object.add(name, json(result));
        }
    }

    private static JsonArrayBuilder array(List<Load.Result> list) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        list.forEach(r -> array.add(json(r)));
        return array;
    }

    private static JsonObjectBuilder json(Load.Result r) {
        JsonObjectBuilder o = Json.createObjectBuilder().add("name", r.name()).add("operations", r.operations())
                .add("errors", r.errors()).add("seconds", round(r.seconds())).add("perSecond", round(r.perSecond()))
                .add("p50Millis", round(r.percentileMillis(50))).add("p95Millis", round(r.percentileMillis(95)))
                .add("clientCpuMillisPerOperation", round(r.clientCpuMillisPerOperation()))
                .add("otherProcessesCores", round(r.otherCores())).add("warmupSeconds", round(r.warmupSeconds()));
        if (!Double.isNaN(r.serverCpuMillisPerOperation())) {
            o.add("serverCpuMillisPerOperation", round(r.serverCpuMillisPerOperation()));
        }
        if (!Double.isNaN(r.serverJitShare())) {
            o.add("serverJitShare", round(r.serverJitShare()));
        }
        if (r.firstError() != null) {
            o.add("firstError", r.firstError());
        }
        return o;
    }

    private String csv() {
        StringBuilder csv = new StringBuilder("section,name,per_second,p50_ms,p95_ms,server_cpu_ms_per_op,"
                + "server_jit_share,client_cpu_ms_per_op,operations,errors,other_load_cores\n");
        for (Load.Result r : results.logins) {
            csv.append(csvRow("login", r));
        }
        for (Load.Result r : new Load.Result[] {results.frontChannel, results.exchanges, results.signingOneCore,
                results.signingAllCores}) {
            if (r != null) {
                csv.append(csvRow("code-exchange", r));
            }
        }
        for (Load.Result r : results.api) {
            csv.append(csvRow("api", r));
        }
        for (Load.Result r : results.externalLogins) {
            csv.append(csvRow("external-login", r));
        }
        csv.append("\nsection,app,run,ready_s,app_answers_s,rss_kib,rss_after_first_answer_kib\n");
        for (Results.Startup s : results.startups) {
            csv.append(String.join(",", "startup", quote(s.app()), String.valueOf(s.run()), f2(s.readySeconds()),
                    f2(s.appSeconds()), String.valueOf(s.rssKib()), String.valueOf(s.rssAppKib()))).append('\n');
        }
        return csv.toString();
    }

    private static String csvRow(String section, Load.Result r) {
        return String.join(",", section, quote(r.name()), f1(r.perSecond()), f2(r.percentileMillis(50)),
                f2(r.percentileMillis(95)), f2(r.serverCpuMillisPerOperation()), f2(r.serverJitShare()),
                f2(r.clientCpuMillisPerOperation()),
                String.valueOf(r.operations()), String.valueOf(r.errors()), f2(r.otherCores())) + "\n";
    }

    String machineLine() {
        return machine.get("cpu") + ", " + machine.get("cores") + " cores, " + machine.get("memory") + ", Linux "
                + machine.get("kernel") + ", " + machine.get("java");
    }

    private static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU"));
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(kib -> Math.round(Long.parseLong(kib.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB")
                .orElse("unknown memory"));
        machine.put("kernel", System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return machine;
    }

    private static Optional<String> firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** One line with the percentiles of {@code millis}. */
    private static String latencies(String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return String.format("%n%s, %d samples: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms.%n%n", what,
                sorted.size(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    private static String ratio(double value, double base) {
        return Double.isNaN(value) || Double.isNaN(base) || base == 0 ? "-"
                : String.format(Locale.ROOT, "%.2f×", value / base);
    }

    private static double round(double value) {
        return Double.isNaN(value) ? -1 : Math.round(value * 1000) / 1000.0;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** A share as a whole percentage, or "-". */
    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * share);
    }

    static String f0(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
    }

    static String f1(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String f2(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
