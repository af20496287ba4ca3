package org.bindbackend.login.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bindbackend.keys.SigningKeys;
import org.bindbackend.keys.TestKeys;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.HostileProvider;
import org.bindbackend.testing.HostileProvider.Attack;
import org.bindbackend.testing.RoundRobinProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The relay the server's OpenID Connect client reaches the provider through, on a real server in external mode
 * against a {@link HostileProvider}: it is nowhere on the server's public listener, however a request arrives
 * there (directly, through a load balancer, through a proxy that says it forwards for this host); it listens on
 * the loopback interface only, where its token endpoint wants its key; and that key reaches no log, whatever fails.
 *
 * <p>The key is derived from {@code session-signing-key} (as every replica derives it), so the test, which sets that
 * setting, derives it too: no hook in the backend gives it away.
 */
class ProviderRelayIT {

    /** What the relay's listener says at start: where it listens. */
    static final Pattern RELAY_AT = Pattern.compile("through the backend's relay at http://127\\.0\\.0\\.1:(\\d+)");
    static final String FORM = "application/x-www-form-urlencoded";

    static HostileProvider provider;
    static BackendServer backend;
    static String key;

    @BeforeAll
    static void start() throws Exception {
        provider = HostileProvider.start();
        backend = BackendServer.start(settings(provider, "0"));
        key = relayKey();
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    static Map<String, String> settings(HostileProvider provider, String verbosity) {
        Map<String, String> settings = new HashMap<>(provider.backendSettings());
        settings.put("session-signing-key", TestKeys.SHARED_KEY);
        settings.put("v", verbosity);
        return settings;
    }

    /** The relay's key, as a server with the provider's client secret derives it. */
    static String relayKey() {
        return SigningKeys.secret(provider.backendSettings().get("oidc.issuer-client-secret"), ProviderRelay.KEY_PURPOSE);
    }

    /**
     * Every request a caller could make of the relay on the public listener, with its real key in the path, the
     * form and a Basic header, is answered exactly as a path nothing serves is: directly, through a round-robin
     * balancer, and through a proxy that says the request comes from this very host (what a sidecar, nginx in front,
     * or a server trusting X-Forwarded-For would make of it).
     */
    @Test
    void thePublicListenerAnswersTheRelaysPathsAsPathsNothingServes() throws Exception {
        assertEquals(303, login(new BrowserlessLogin(), backend).statusCode(), "the relay works for the container");
        String tokenForm = "grant_type=authorization_code&code=x&redirect_uri=x&client_id=" + HostileProvider.CLIENT_ID
                + "&client_secret=" + key;
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (HostileProvider.CLIENT_ID + ":" + key).getBytes(StandardCharsets.UTF_8));
        List<String> relayPaths = List.of("/_relay/" + key + "/token", "/_relay/" + key + "/jwks",
                "/_relay/" + key + "/userinfo", "/_relay/" + key + "/.well-known/openid-configuration", "/_relay/token",
                "/token", "/jwks", "/userinfo", "/.well-known/openid-configuration");
        try (RoundRobinProxy balancer = RoundRobinProxy.start();
                RoundRobinProxy forwarding = RoundRobinProxy.forwardingFor("127.0.0.1")) {
            balancer.add(backend);
            forwarding.add(backend);
            Map<String, URI> ways = Map.of("directly", backend.uri(""), "through a balancer", balancer.uri(),
                    "through a proxy forwarding for 127.0.0.1", forwarding.uri());
            for (Map.Entry<String, URI> way : ways.entrySet()) {
                for (String path : relayPaths) {
                    for (String method : List.of("GET", "POST")) {
                        String unknown = "/no-such-" + Long.toHexString(System.nanoTime()) + path.substring(path.lastIndexOf('/'));
                        Answer asUnknown = send(way.getValue(), method, unknown, tokenForm, basic);
                        Answer answer = send(way.getValue(), method, path, tokenForm, basic);
                        String seen = method + " " + path + " " + way.getKey();
                        assertEquals(404, asUnknown.status(), seen + ": a path nothing serves is not a 404: " + asUnknown);
                        assertEquals(asUnknown, answer, seen + " is not answered as a path nothing serves");
                    }
                }
            }
        }
    }

    /**
     * The relay's own listener is on the loopback interface only; its token endpoint refuses a request without its
     * key ({@code invalid_client}) and passes one with it on to the provider, which judges the code.
     */
    @Test
    void theRelayListensOnLoopbackOnlyAndItsTokenEndpointWantsItsKey() throws Exception {
        int port = relayPort(backend);
        URI relay = URI.create("http://127.0.0.1:" + port);
        String code = "grant_type=authorization_code&code=never-issued&redirect_uri=x&client_id=" + HostileProvider.CLIENT_ID;

        assertEquals(401, post(relay.resolve("/token"), code).statusCode(), "no key");
        assertEquals(401, post(relay.resolve("/token"), code + "&client_secret=" + HostileProvider.CLIENT_SECRET)
                .statusCode(), "the real client secret is not the relay's key");
        assertEquals(401, post(relay.resolve("/token"), code + "&client_secret=" + key.substring(1)).statusCode());
        HttpResponse<String> withKey = post(relay.resolve("/token"), code + "&client_secret=" + key);
        assertEquals(400, withKey.statusCode(), "the provider's answer to a code it never issued: " + withKey.body());
        assertTrue(withKey.body().contains("invalid_grant"), withKey.body());
        assertEquals(200, get(relay.resolve("/jwks")).statusCode());
        assertEquals(404, get(relay.resolve("/_relay/" + key + "/jwks")).statusCode());
        assertEquals(404, get(relay.resolve("/token")).statusCode(), "GET on the token endpoint");

        for (InetAddress address : nonLoopbackAddresses()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, port), 2000);
                throw new AssertionError("the relay answers on " + address + ", not only on the loopback interface");
            } catch (ConnectException refused) {
                // as it must be
            }
        }
    }

    /**
     * The relay serves requests side by side: while one login's token request waits for a provider that answers late,
     * the relay answers another request at once (one thread for all would hold every login up behind the slow one).
     */
    @Test
    void aSlowAnswerHoldsUpNoOtherRelayedRequest() throws Exception {
        URI relay = URI.create("http://127.0.0.1:" + relayPort(backend));
        provider.attackWith(Attack.SLOW_TOKEN_ANSWER);
        try {
            CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return login(new BrowserlessLogin(), backend);
                } catch (IOException | InterruptedException e) {
                    throw new CompletionException(e);
                }
            });
            Thread.sleep(1500);
            long start = System.nanoTime();
            HttpResponse<String> keys = get(relay.resolve("/jwks"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertFalse(slow.isDone(), "the slow login was over before the other request: " + slow.join().statusCode());
            assertEquals(200, keys.statusCode());
            assertTrue(took.toMillis() < 2000, "the key set took " + took + " behind the slow token request");
            assertEquals(502, slow.join().statusCode());
        } finally {
            provider.attackWith(Attack.HONEST);
        }
    }

    /**
     * Logins whose token endpoint fails every way (an error answer, an endless answer, no answer in time, no provider
     * at all) at verbosity 0 and 2: the relay's key is in nothing the server wrote, its own error messages included.
     * It is in no URL: Open Liberty's CWWKS2416E names the token endpoint's.
     */
    @ParameterizedTest(name = "v={0}")
    @ValueSource(strings = {"0", "2"})
    void theKeyReachesNoLogWhenTheTokenEndpointFails(String verbosity) throws Exception {
        HostileProvider failing = HostileProvider.start();
        try (BackendServer server = BackendServer.start(settings(failing, verbosity))) {
            assertEquals(303, login(new BrowserlessLogin(), server).statusCode(), server.log());
            for (Attack attack : List.of(Attack.PKCE_VERIFIER_REFUSED, Attack.ENDLESS_TOKEN_ANSWER,
                    Attack.SLOW_TOKEN_ANSWER)) {
                failing.attackWith(attack);
                assertEquals(502, login(new BrowserlessLogin(), server).statusCode(), attack + ": " + server.log());
            }
            failing.attackWith(Attack.HONEST);
            BrowserlessLogin browser = new BrowserlessLogin();
            URI callback = browser.redirectTo(server.uri("/login"), "/api/callback");
            failing.close();
            HttpResponse<String> gone = browser.get(callback);
            assertTrue(gone.statusCode() >= 500 && gone.body().contains("Login"), "no provider: " + gone.body());

            String written = server.everythingWritten();
            assertTrue(written.contains("could not be relayed"), "the failures were not logged: " + written);
            // Also as Soteria's OpenIdConfiguration.toString() would write the client secret: a char array.
            for (String secret : List.of(key, key.substring(0, 16), Arrays.toString(key.toCharArray()),
                    HostileProvider.CLIENT_SECRET)) {
                assertFalse(written.contains(secret), "a secret reached the log at v=" + verbosity + ": "
                        + excerpt(written, secret));
            }
        } finally {
            failing.close();
        }
    }

    /**
     * A Java runtime in which the relay cannot listen (here: no HTTP server provider it can load): one SEVERE line at
     * start says logins cannot work and why, and is not repeated; the replica is alive but not ready, and a login
     * (which the balancer would not send it) is refused readably.
     */
    @Test
    void withoutItsListenerTheReplicaSaysWhyAndIsNotReady() throws Exception {
        Map<String, String> settings = settings(provider, "0");
        settings.put("com.sun.net.httpserver.HttpServerProvider", "org.bindbackend.NoSuchHttpServerProvider");
        try (BackendServer server = BackendServer.start(settings)) {
            String said = "External logins cannot work: the backend's relay could not open its listener";
            String atStart = server.log();
            assertTrue(atStart.contains(said) && atStart.contains("NoSuchHttpServerProvider"), atStart);

            assertEquals(503, get(server.uri("/health/ready")).statusCode());
            assertEquals(503, get(server.uri("/health/started")).statusCode());
            assertEquals(200, get(server.uri("/health/live")).statusCode());
            // Every server's browser is told before it goes to the provider: "Login unavailable", 503.
            BrowserlessLogin browser = new BrowserlessLogin();
            HttpResponse<String> login = login(browser, server);
            assertEquals(503, login.statusCode(), login.body());
            assertTrue(login.body().contains("Login unavailable"), login.body());
            assertFalse(login.body().contains("Exception"), login.body());
            assertTrue(browser.cookie("kube-bind").isEmpty(), "a session without a relay");
            assertEquals(count(atStart, said), count(server.log(), said), "said again: " + server.log());
        }
    }

    /** A status, the headers but {@code Date}, and the body of an answer, to compare two answers by. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
    }

    static Answer send(URI base, String method, String path, String form, String basic)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (method.equals("POST")) {
            request.POST(HttpRequest.BodyPublishers.ofString(form)).header("Content-Type", FORM)
                    .header("Authorization", basic);
        }
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.remove("date");
        return new Answer(response.statusCode(), headers, response.body());
    }

    static HttpResponse<String> post(URI uri, String form) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a login at {@code /login} and follows it up to the callback's answer (or the first page before it). */
    static HttpResponse<String> login(BrowserlessLogin browser, BackendServer server)
            throws IOException, InterruptedException {
        HttpResponse<String> response = browser.get(server.uri("/login"));
        for (int hops = 0; BrowserlessLogin.isRedirect(response) && !response.uri().getPath().equals("/api/callback")
                && hops < 10; hops++) {
            response = browser.get(BrowserlessLogin.location(response));
        }
        return response;
    }

    static int relayPort(BackendServer server) throws IOException {
        Matcher at = RELAY_AT.matcher(server.log());
        assertTrue(at.find(), "the relay did not say where it listens: " + server.log());
        return Integer.parseInt(at.group(1));
    }

    /** This machine's addresses other than loopback ones, to connect to the relay's port from "outside". */
    static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
            if (network.isUp() && !network.isLoopback()) {
                network.inetAddresses().filter(address -> address instanceof Inet4Address).forEach(addresses::add);
            }
        }
        return addresses;
    }

    static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    static String excerpt(String text, String part) {
        int at = text.indexOf(part);
        return at < 0 ? "" : text.substring(Math.max(0, at - 400), Math.min(text.length(), at + 100));
    }
}
