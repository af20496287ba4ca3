package org.bindbackend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;

/**
 * What every live path of a server must show, whatever the path (Payara Server's domain properties, Liberty's
 * server.xml, a Kubernetes ConfigMap's directory): a user refused, the allow-list changed in the server's
 * configuration, the same user let in within a minute without a restart; an invalid value kept out while readiness
 * stays UP; the user removed again, refused at the next login and with the sessions they already hold. Logins are
 * at the embedded provider, which takes any name and groups.
 */
final class LiveChanges {

    private static final Logger LOG = Logger.getLogger(LiveChanges.class.getName());
    /** What the issue asks: a change in use within a minute. */
    static final Duration WITHIN = Duration.ofMinutes(1);

    /** Where a test changes a setting: the server's own configuration, or files it reads. */
    interface Source {
        void set(String key, String value) throws Exception;
    }

    private static final String STARTED = "bind-backend started in ";

    private final BackendServer server;
    private final Source source;
    private final HttpClient http = HttpClient.newHttpClient();
    /** How often the log says the backend started (Liberty's log is several files, each may say it). */
    private final int starts;

    LiveChanges(BackendServer server, Source source) throws Exception {
        this.server = server;
        this.source = source;
        this.starts = count(STARTED);
    }

    /**
     * @param key      the allow-list changed: {@code oidc.allowed-users} or {@code oidc.allowed-groups}; the other
     *                 one must already restrict who gets in, and not admit {@code form}'s user
     * @param admitted the value that admits the user of {@code form}
     * @param removed  the value that no longer does
     * @param form     the embedded provider's login form for the user
     */
    void userAdmittedThenRemoved(String key, String admitted, String removed, Map<String, String> form)
            throws Exception {
        assertEquals(403, login(form).statusCode(), "refused before the change");

        Duration admitting = change(key, admitted, () -> login(form).statusCode() == 303);
        LOG.info(key + " in use " + admitting.toMillis() + " ms after the change");
        BrowserlessLogin browser = new BrowserlessLogin();
        assertEquals(303, login(browser, form).statusCode());
        String token = CliLogin.login(new BrowserlessLogin(), server.uri("/api/authorize"), "s-1", "c-1", form)
                .get("access_token");
        assertEquals(200, whoami("Bearer " + token));

        Duration removing = change(key, removed, () -> whoami("Bearer " + token) == 403);
        LOG.info(key + " removal in use " + removing.toMillis() + " ms after the change");
        assertEquals(403, whoami(browser), "the browser's session is refused too");
        HttpResponse<String> home = browser.get(server.uri("/"));
        assertEquals(403, home.statusCode(), home.body());
        assertTrue(home.body().contains("not among the users or groups allowed"), home.body());
        assertEquals(403, login(form).statusCode(), "refused at the next login");
        assertTrue(server.log().contains("\"event\":\"setting_changed\"") && server.log().contains(
                "\"setting\":\"" + key + "\""), "each change is an event of the audit trail:\n" + server.log());
        assertNoRestart();
    }

    /** An invalid value is refused with one line, the value in use kept, and readiness stays UP. */
    void invalidValueKeptOut() throws Exception {
        int logged = count("Refused the new value of setting v ");
        source.set("v", "eleven");
        awaitLog("Refused the new value of setting v ", logged);
        assertTrue(server.log().contains("\"eleven\" is not a level; expected a whole number from 0 to 10 (2 logs "
                + "each OIDC step). It keeps 0 until a valid value is set."), server.log());
        assertEquals(200, get("/health/ready").statusCode());
        assertEquals(200, get("/api/exports").statusCode());
        source.set("v", "0");
        awaitLog("Setting v (flag --v, env V) is valid again", count("Setting v (flag --v, env V) is valid again"));
        assertNoRestart();
    }

    /**
     * {@code v} raised to 2 logs each step of the next login at FINE; lowered to 0, the next login logs none: the
     * log levels follow it both ways.
     */
    void logLevelsFollowV(Map<String, String> form) throws Exception {
        String step = "Login started (PAGE)";
        source.set("v", "2");
        awaitLog("Setting v (flag --v, env V) changed from 0 to 2", 0);
        int before = count(step);
        assertEquals(303, login(form).statusCode());
        assertTrue(count(step) > before, "FINE lines with v=2:\n" + server.log());
        source.set("v", "0");
        awaitLog("Setting v (flag --v, env V) changed from 2 to 0", 0);
        before = count(step);
        assertEquals(303, login(form).statusCode());
        Thread.sleep(500);
        assertEquals(before, count(step), "no FINE line with v=0");
        assertNoRestart();
    }

    /** Sets {@code key}, then waits until {@code inUse} holds; fails after {@link #WITHIN}. */
    Duration change(String key, String value, Callable<Boolean> inUse) throws Exception {
        Instant changed = Instant.now();
        source.set(key, value);
        while (!inUse.call()) {
            assertTrue(Duration.between(changed, Instant.now()).compareTo(WITHIN) < 0,
                    key + "=" + value + " not in use within " + WITHIN + ":\n" + server.log());
            Thread.sleep(500);
        }
        return Duration.between(changed, Instant.now());
    }

    void awaitLog(String line, int before) throws Exception {
        Instant deadline = Instant.now().plus(WITHIN);
        while (count(line) <= before) {
            assertTrue(Instant.now().isBefore(deadline), "no new line " + line + " within " + WITHIN + ":\n"
                    + server.log());
            Thread.sleep(500);
        }
    }

    int count(String text) throws Exception {
        return server.log().split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    void assertNoRestart() throws Exception {
        assertTrue(starts > 0, "started: " + server.log());
        assertEquals(starts, count(STARTED), "not started again: " + server.log());
        assertFalse(server.log().contains("NOT configured"), server.log());
    }

    /** A browser login at the embedded provider: 303 with a session, or 403 when the allow-lists refuse it. */
    HttpResponse<String> login(Map<String, String> form) throws Exception {
        return login(new BrowserlessLogin(), form);
    }

    private HttpResponse<String> login(BrowserlessLogin browser, Map<String, String> form) throws Exception {
        HttpResponse<String> page = browser.follow(server.uri("/login"));
        URI callback = BrowserlessLogin.location(browser.submit(page, form));
        return browser.get(callback);
    }

    private int whoami(String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri("/api/whoami")).header("Authorization", authorization)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int whoami(BrowserlessLogin browser) throws Exception {
        return browser.client().send(HttpRequest.newBuilder(server.uri("/api/whoami")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The embedded provider's login form for {@code user}, in {@code groups}. */
    static Map<String, String> form(String user, String groups) {
        Map<String, String> form = new LinkedHashMap<>(Map.of("username", user, "password", "any"));
        if (!groups.isEmpty()) {
            form.put("groups", groups);
        }
        return form;
    }
}
