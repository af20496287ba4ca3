package org.bindbackend.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.HostileProvider;
import org.bindbackend.testing.Json;
import org.bindbackend.testing.PayaraMicroServer;
import org.junit.jupiter.api.Test;

/** The launcher takes the kube-bind backend's flags: they reach the backend's settings, and bad ones are refused. */
class LauncherIT {

    static final Path LAUNCHER = Path.of("docker", "bind-backend");
    /** A session key as {@code openssl rand -base64 48} makes one. */
    static final String SECRET = "Zq3vW8nL0pR5tY7uI2oP9aS4dF6gH1jK3lZ5xC7vB9nM0qW2eR4tY6uI8oP0aS2d";

    static Process launch(Path output, String... flags) throws IOException {
        return launchWithJavaOptions(output, "", flags);
    }

    /** Launches with these JVM options added to the tests' own in {@code JAVA_OPTS}. */
    static Process launchWithJavaOptions(Path output, String javaOptions, String... flags) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toAbsolutePath().toString()));
        command.addAll(List.of(flags));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("BIND_WAR", System.getProperty("bind.war"));
        builder.environment().put("PAYARA_MICRO_JAR", System.getProperty("payara.microJar"));
        builder.environment().put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC " + javaOptions);
        return builder.start();
    }

    static String read(Path output) {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void flagsBecomeSettingsAndTheSecretStaysOutOfTheProcessList() throws Exception {
        int port = PayaraMicroServer.freePort();
        Path output = Files.createTempFile("launcher-", ".log");
        Path secret = Files.writeString(Files.createTempFile("secret-", ""), SECRET + "\n");
        Process launcher = launch(output, "--oidc-type=embedded", "--port", String.valueOf(port),
                "--external-url=http://127.0.0.1:" + port, "--provider-pretty-name=Launched Provider",
                "--token-expiry=15m", "--session-signing-key-file=" + secret, "--v=2",
                "--cluster=tcpip:127.0.0.1:6900");
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI exports = URI.create("http://127.0.0.1:" + port + "/api/exports");
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            HttpResponse<String> response = null;
            while (Instant.now().isBefore(deadline) && launcher.isAlive()) {
                try {
                    response = http.send(HttpRequest.newBuilder(exports).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(300);
            }
            assertEquals(200, response == null ? -1 : response.statusCode(),
                    () -> (launcher.isAlive() ? "" : "exit " + launcher.exitValue() + ": ") + read(output));
            assertEquals("Launched Provider", Json.object(response.body()).getString("providerPrettyName"));
            String commandLine = launcher.info().commandLine().orElse("");
            assertTrue(commandLine.contains("-Dtoken-expiry=15m"), commandLine);
            assertTrue(commandLine.contains("--clustermode tcpip:127.0.0.1:6900") && commandLine.contains("--nohostaware")
                    && commandLine.contains("-Dcluster=true") && !commandLine.contains("--nohazelcast"), commandLine);
            assertTrue(Files.readString(output).contains("Logouts are shared with the other replicas"), read(output));
            assertFalse(commandLine.contains(SECRET), commandLine);
            assertTrue(Files.readString(output).contains("DEVELOPMENT MODE"));
            assertFalse(Files.readString(output).contains("\u001b["), "colour codes in a log that is no terminal");
        } finally {
            launcher.destroy();
            launcher.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void unknownFlagsAndMissingValuesAreRefusedWithUsage() throws Exception {
        for (String[] flags : new String[][] {{"--oidc-tpye=embedded"}, {"--oidc-issuer-url"}, {"--port=eighty"},
                {"--cluster=multicast"}, {"--cluster=kubernetes:"}}) {
            Path output = Files.createTempFile("launcher-", ".log");
            Process launcher = launch(output, flags);
            assertTrue(launcher.waitFor(20, TimeUnit.SECONDS));
            assertEquals(2, launcher.exitValue(), String.join(" ", flags));
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(printed.contains("usage: bind-backend"), printed);
        }
    }

    /**
     * A secret is never a flag: the launcher refuses each secret's flag, with or without a value, and its system
     * property in JAVA_OPTS, in one line that names the file setting and the environment variable to use, and never
     * repeats the value. (tini, the image's PID 1, would keep a flag in its command line for the container's life.)
     */
    @Test
    void secretFlagsAreRefusedNamingTheFileOrTheVariableToUse() throws Exception {
        String value = "a-secret-value-0123456789";
        Map<String, List<String>> alternativesOf = Map.of(
                "--oidc-issuer-client-secret", List.of("--oidc-issuer-client-secret-file", "OIDC_CLIENT_SECRET"),
                "--session-signing-key", List.of("--session-signing-key-file", "SESSION_SIGNING_KEY"),
                "--session-accepted-keys", List.of("--session-accepted-keys-file", "SESSION_ACCEPTED_KEYS"));
        List<List<String>> commandLines = List.of(List.of("--oidc-issuer-client-secret=" + value),
                List.of("--oidc-type=external", "--oidc-issuer-client-secret", value),
                List.of("--session-signing-key=" + value), List.of("--session-signing-key"),
                List.of("--session-accepted-keys=" + value + "," + value), List.of("--v=2", "--session-accepted-keys"),
                // JAVA_OPTS are on java's command line too
                List.of("-Dsession-signing-key=" + value), List.of("-DOIDC_CLIENT_SECRET=" + value),
                List.of("-Dsession-accepted-keys=" + value));
        for (List<String> flags : commandLines) {
            boolean javaOption = flags.get(0).startsWith("-D");
            String flag = javaOption ? flags.get(0).split("=")[0] : flags.stream().map(given -> given.split("=")[0])
                    .filter(alternativesOf::containsKey).findFirst().orElseThrow();
            String refused = javaOption ? flag + " in JAVA_OPTS" : flag;
            List<String> alternatives = alternativesOf.get(javaOption ? (flag.contains("SECRET")
                    ? "--oidc-issuer-client-secret" : "--" + flag.substring(2)) : flag);
            Path output = Files.createTempFile("launcher-", ".log");
            Process launcher = javaOption ? launchWithJavaOptions(output, flags.get(0), "--oidc-type=embedded")
                    : launch(output, flags.toArray(String[]::new));
            assertTrue(launcher.waitFor(20, TimeUnit.SECONDS), flags.toString());
            assertEquals(2, launcher.exitValue(), flags.toString());
            List<String> printed = Files.readAllLines(output, StandardCharsets.UTF_8);
            assertEquals(1, printed.size(), flags + ": " + printed);
            String line = printed.get(0);
            assertTrue(line.startsWith("bind-backend: " + refused + " is refused: "), line);
            for (String alternative : alternatives) {
                assertTrue(line.contains(alternative), flags + ": does not name " + alternative + ": " + line);
            }
            assertFalse(line.contains(value), "the value repeated: " + line);
        }
    }

    /**
     * The secrets in files: the backend reads them (the launcher passes their paths), logs in at a provider that
     * checks the client secret, and neither secret is on the JVM's command line.
     */
    @Test
    void secretsFromFilesLogInAndStayOffTheCommandLine() throws Exception {
        try (HostileProvider provider = HostileProvider.start()) {
            int port = PayaraMicroServer.freePort();
            Path clientSecret = Files.writeString(Files.createTempFile("client-secret-", ""),
                    HostileProvider.CLIENT_SECRET + "\n");
            Path signingKey = Files.writeString(Files.createTempFile("signing-key-", ""), SECRET + "\n");
            Path output = Files.createTempFile("launcher-", ".log");
            Process launcher = launch(output, "--oidc-issuer-url=" + provider.issuer(),
                    "--oidc-issuer-client-id=" + HostileProvider.CLIENT_ID,
                    "--oidc-issuer-client-secret-file=" + clientSecret, "--session-signing-key-file=" + signingKey,
                    "--oidc-allowed-users=" + HostileProvider.USERNAME, "--port=" + port,
                    "--external-url=http://localhost:" + port);
            try {
                URI base = URI.create("http://localhost:" + port);
                assertEquals(200, await(launcher, output, base.resolve("/health/ready"), Duration.ofMinutes(2))
                        .statusCode(), read(output));
                BrowserlessLogin browser = new BrowserlessLogin();
                HttpResponse<String> answer = browser.get(base.resolve("/login"));
                for (int hops = 0; BrowserlessLogin.isRedirect(answer)
                        && !answer.uri().getPath().equals("/api/callback") && hops < 10; hops++) {
                    answer = browser.get(BrowserlessLogin.location(answer));
                }
                assertEquals(303, answer.statusCode(), answer.body() + read(output));
                assertTrue(browser.cookie("kube-bind").isPresent(), read(output));
                String commandLine = launcher.info().commandLine().orElse("");
                assertTrue(commandLine.contains("-Doidc.issuer-client-secret-file=" + clientSecret), commandLine);
                assertFalse(commandLine.contains(HostileProvider.CLIENT_SECRET) || commandLine.contains(SECRET),
                        commandLine);
            } finally {
                launcher.destroy();
                launcher.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until {@code path} answers 200 (or the launcher dies); the last answer. */
    static HttpResponse<String> await(Process launcher, Path output, URI uri, Duration within) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(within);
        HttpResponse<String> response = null;
        while (Instant.now().isBefore(deadline) && launcher.isAlive()) {
            try {
                response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        assertTrue(response != null, () -> "no answer from " + uri + ": " + read(output));
        return response;
    }

    @Test
    void thePortAloneGivesAWorkingEmbeddedBackendWithJsonLogs() throws Exception {
        int port = PayaraMicroServer.freePort();
        Path output = Files.createTempFile("launcher-", ".log");
        Process launcher = launch(output, "--oidc-type=embedded", "--port=" + port, "--log-format=json");
        try {
            URI base = URI.create("http://localhost:" + port);
            HttpResponse<String> ready = await(launcher, output, base.resolve("/health/ready"), Duration.ofMinutes(2));
            assertEquals(200, ready.statusCode(), ready.body() + read(output));
            HttpResponse<String> exports = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/api/exports")).build(), HttpResponse.BodyHandlers.ofString());
            String authorize = Json.object(exports.body()).getJsonArray("authenticationMethods").getJsonObject(0)
                    .getJsonObject("oauth2CodeGrant").getString("authenticatedURL");
            assertEquals(base + "/api/authorize", authorize);
            String token = CliLogin.login(new BrowserlessLogin(), URI.create(authorize), "s-1", "c-1",
                    Map.of("username", "port", "password", "x")).get("access_token");
            assertTrue(token != null && !token.isEmpty());
            List<String> lines = Files.readAllLines(output).stream().filter(line -> line.startsWith("{")).toList();
            assertTrue(lines.stream().anyMatch(line -> line.contains("\"LogMessage\"")), read(output));
        } finally {
            launcher.destroy();
            launcher.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void anIssuerThatDoesNotReachThisServerIsSaidAndNotReady() throws Exception {
        int port = PayaraMicroServer.freePort();
        int elsewhere = PayaraMicroServer.freePort();
        Path output = Files.createTempFile("launcher-", ".log");
        Process launcher = launch(output, "--oidc-type=embedded", "--port=" + port,
                "--external-url=http://localhost:" + elsewhere);
        try {
            URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
            await(launcher, output, URI.create("http://127.0.0.1:" + port + "/health/live"), Duration.ofMinutes(2));
            Instant deadline = Instant.now().plusSeconds(30);
            while (!read(output).contains("Embedded logins cannot work") && Instant.now().isBefore(deadline)) {
                Thread.sleep(300);
            }
            String log = read(output);
            assertTrue(log.contains("Embedded logins cannot work: the issuer http://localhost:" + elsewhere + "/oidc")
                    && log.contains("set external-url"), log);
            assertEquals(503, HttpClient.newHttpClient().send(HttpRequest.newBuilder(ready).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "ready, although no login can work");
        } finally {
            launcher.destroy();
            launcher.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
