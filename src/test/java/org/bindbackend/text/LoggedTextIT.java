package org.bindbackend.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.HostileProvider;
import org.bindbackend.testing.LogRecords;
import org.bindbackend.testing.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Whatever text a request or a provider brings, line breaks, terminal escape sequences or kilobytes of it, reaches
 * the server's log defused ({@link UntrustedText#forLog}): one line per record, no escape byte, nothing longer than
 * the few hundred characters a value is cut to. At verbosity 2, where each OpenID Connect step is logged.
 */
class LoggedTextIT {

    /** What an attacker would have the log show as a line of its own. */
    static final String FORGED = "FORGED-LOG-LINE";
    /** A line break, the forged line, a terminal escape sequence that clears the screen, and 3 KB of padding. */
    static final String HOSTILE = "\r\n" + FORGED + " \u001b[2J" + "Z".repeat(3000);
    static final String HOSTILE_QUERY = "%0D%0A" + FORGED + "%20%1B%5B2J" + "Z".repeat(3000);

    /**
     * Open Liberty's own messages that quote what they were sent, which no code of the backend writes or can defuse:
     * its JASPIC service names the request URI as sent (percent-encoded, so without line breaks, but kilobytes of it)
     * for every request the backend refuses at the callback ({@code CWWKS1652A}, an INFO line that server.xml can
     * hide), and its OpenID Connect client quotes a token it refuses, header included ({@code CWWKS2504E}).
     */
    static final List<String> SERVER_OWN = List.of("CWWKS1652A", "CWWKS2504E");

    /** What the server logged since {@code before}, without its own records that quote what they were sent. */
    static String backendRecords(BackendServer server, LogRecords before) throws Exception {
        return String.join("\n", before.since(server).stream()
                .filter(record -> SERVER_OWN.stream().noneMatch(record::contains)).toList());
    }

    /**
     * The log since {@code before} shows no forged line, not the escape sequence (Payara's console log colours its
     * own text with other ones) and none of the padding whole.
     */
    static void assertDefused(BackendServer server, LogRecords before, String what) throws Exception {
        String log = backendRecords(server, before);
        assertFalse(log.lines().anyMatch(line -> line.stripLeading().startsWith(FORGED)
                || line.startsWith("SEVERE: forged")), what + ": a forged line:\n" + log);
        assertFalse(log.contains("\u001b[2J"), what + ": the escape sequence reached the log:\n" + log);
        assertFalse(log.contains("Z".repeat(400)), what + ": kilobytes of one value in the log:\n" + log);
    }

    @Test
    void requestTextReachesTheLogDefused() throws Exception {
        try (BackendServer server = BackendServer.start(Map.of("oidc.type", "embedded", "v", "2"))) {
            LogRecords before = LogRecords.of(server);
            int port = server.port();
            // The callback's refusal names the URL it arrived at, Host header included.
            RawHttp.sendWithHost(port, "GET /api/callback?state=s&code=c HTTP/1.1\r\n",
                    "127.0.0.1\u001b[2J" + "Z".repeat(3000), "");
            RawHttp.get(port, "/api/callback;x=" + HOSTILE_QUERY + "?state=s&code=c");
            // The provider's error and its description, and a state and code of no login.
            RawHttp.get(port, "/api/callback?state=" + HOSTILE_QUERY + "&error=access_denied" + HOSTILE_QUERY
                    + "&error_description=" + HOSTILE_QUERY);
            RawHttp.get(port, "/api/callback?state=" + HOSTILE_QUERY + "&code=" + HOSTILE_QUERY);
            // A path nothing serves, a return path, a kube-bind login's parameters.
            RawHttp.get(port, "/nothing-here" + HOSTILE_QUERY);
            RawHttp.get(port, "/login?return=" + HOSTILE_QUERY);
            RawHttp.get(port, "/api/authorize?client_type=cli&session_id=s&redirect_url=" + HOSTILE_QUERY);
            // Credentials that are not: a bearer token, the session and login cookies.
            RawHttp.send(port, "GET /api/whoami HTTP/1.1\r\nAuthorization: Bearer \u001b[2J" + "Z".repeat(3000)
                    + "\r\nCookie: kube-bind=\u001b[2J" + "Z".repeat(3000) + "\r\n", "");
            RawHttp.send(port, "GET /api/callback?state=s&code=c HTTP/1.1\r\nCookie: kube-bind-login=\u001b[2J"
                    + "Z".repeat(3000) + "\r\n", "");
            // The embedded provider's endpoints, with every parameter hostile, and its login form.
            RawHttp.get(port, "/oidc/authorize?client_id=" + HOSTILE_QUERY + "&redirect_uri=" + HOSTILE_QUERY
                    + "&scope=openid" + HOSTILE_QUERY + "&response_type=code" + HOSTILE_QUERY);
            RawHttp.post(port, "/oidc/token", "application/x-www-form-urlencoded", "grant_type=" + HOSTILE_QUERY
                    + "&code=" + HOSTILE_QUERY + "&client_id=" + HOSTILE_QUERY + "&client_secret=x");
            HttpResponse<String> form = new BrowserlessLogin().follow(server.uri("/login"));
            new BrowserlessLogin().submit(form, Map.of("username", "kai" + HOSTILE, "password", "x"));

            assertDefused(server, before, "requests");
            assertTrue(backendRecords(server, before).contains("Login refused (callback_mismatch)"),
                    "the forged Host reached no refusal: the test sent nothing the backend logs");
        }
    }

    @Test
    void providerTextReachesTheLogDefused() throws Exception {
        try (HostileProvider provider = HostileProvider.start();
                BackendServer server = BackendServer.start(provider.backendSettings())) {
            LogRecords before = LogRecords.of(server);
            provider.attackWith(HostileProvider.Attack.ALG_WITH_LINE_BREAK);
            HttpResponse<String> refused = login(server);
            assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500 || refused.statusCode() == 502,
                    refused.statusCode() + " " + refused.body());
            assertDefused(server, before, "an ID token's alg");

            before = LogRecords.of(server);
            provider.announceIssuer(HostileProvider.ANOTHER_ISSUER + HOSTILE);
            Thread.sleep(2_100); // the backend asks the provider again only after the last success is 2 s old
            HttpResponse<String> misled = login(server);
            assertEquals(502, misled.statusCode(), misled.body());
            assertDefused(server, before, "a discovery document's issuer");
            String log = backendRecords(server, before);
            assertTrue(log.contains("names the issuer \"" + HostileProvider.ANOTHER_ISSUER + "??" + FORGED), log);
        }
    }

    private static HttpResponse<String> login(BackendServer server) throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> response = browser.get(server.uri("/login"));
        for (int hops = 0; BrowserlessLogin.isRedirect(response)
                && !response.uri().getPath().equals("/api/callback") && hops < 10; hops++) {
            response = browser.get(BrowserlessLogin.location(response));
        }
        return response;
    }
}
