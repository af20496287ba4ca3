package org.bindbackend.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.HostileProvider;
import org.bindbackend.testing.PayaraMicroServer;
import org.bindbackend.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A backend whose external URL is https, TLS ending at a proxy in front of it (the server itself speaks plain
 * http): every cookie it sets is Secure, its own cookies take the {@code __Host-} prefix, and no page may be framed.
 */
class SecureCookiesIT {

    static HostileProvider provider;
    static BackendServer backend;

    @BeforeAll
    static void start() throws Exception {
        provider = HostileProvider.start();
        int port = PayaraMicroServer.freePort();
        Map<String, String> settings = new HashMap<>(provider.backendSettings());
        settings.put("external-url", "https://127.0.0.1:" + port);
        backend = BackendServer.start(port, settings, Map.of());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        provider.close();
    }

    /** Each Set-Cookie header value of a response (the raw client joins repeated headers with ", "). */
    static List<String> setCookies(RawHttp.Response response) {
        return Arrays.stream(response.header("Set-Cookie").split(", (?=[A-Za-z_-]+=)")).filter(c -> !c.isBlank()).toList();
    }

    @Test
    void aLoginsCookiesAreSecureAndHostPrefixed() throws Exception {
        RawHttp.Response start = RawHttp.get(backend.port(), "/login");
        assertEquals(303, start.status(), start.toString());
        String loginCookie = setCookies(start).get(0);
        assertTrue(loginCookie.startsWith("__Host-kube-bind-login="), loginCookie);
        assertTrue(loginCookie.contains("; Secure") && loginCookie.contains("; Path=/;") && !loginCookie.contains("Domain"),
                loginCookie);

        String cookie = loginCookie.substring(0, loginCookie.indexOf(';'));
        RawHttp.Response toProvider = RawHttp.send(backend.port(), "GET /login/start HTTP/1.1\r\nCookie: " + cookie + "\r\n", "");
        assertTrue(toProvider.status() == 302 || toProvider.status() == 303, toProvider.toString());
        assertTrue(toProvider.header("Location").startsWith(provider.issuer().toString()), toProvider.toString());
        List<String> cookies = setCookies(toProvider);
        assertFalse(cookies.isEmpty(), toProvider.toString());
        for (String set : cookies) {
            assertTrue(set.toLowerCase().contains("secure"), "not Secure: " + set);
        }
        assertTrue(cookies.stream().anyMatch(set -> set.startsWith("__Host-kube-bind-login=")), cookies.toString());
    }

    @Test
    void noPageMayBeFramed() throws Exception {
        for (String path : List.of("/", "/login?return=//evil.example.com", "/no-such-page")) {
            RawHttp.Response page = RawHttp.send(backend.port(), "GET " + path + " HTTP/1.1\r\nAccept: text/html\r\n", "");
            assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"), path + ": " + page);
            assertEquals("DENY", page.header("X-Frame-Options"), path + ": " + page);
        }
    }
}
