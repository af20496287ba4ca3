package org.bindbackend.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.HeadlessChromium;
import org.bindbackend.testing.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The login cookie stays within the 4096 bytes browsers keep (RFC 6265 §6.1) whatever a login returns to: its size
 * is the sealed JSON's, where {@code €} takes six bytes (JSON escapes it), so a return path of 700 of them is far
 * below the 2048-character limit and far above what fits. The longest one that fits logs in, in Chromium too, which
 * drops larger cookies; one character more is a clear 400, as a page or as JSON.
 */
class LoginCookieSizeIT {

    static final String EURO = "\u20ac";
    static final int BROWSER_COOKIE_BYTES = 4096;

    static BackendServer backend;
    /** The most {@code €} a return path {@code /?pad=...} takes. */
    static int longest;

    @BeforeAll
    static void start() throws Exception {
        backend = BackendServer.start(Map.of("oidc.type", "embedded"));
        int fits = 0;
        int tooLong = 2000;
        assertEquals(400, begin(tooLong).statusCode(), "2000 characters of six bytes each fit a cookie");
        while (tooLong - fits > 1) {
            int middle = (fits + tooLong) / 2;
            if (begin(middle).statusCode() == 303) {
                fits = middle;
            } else {
                tooLong = middle;
            }
        }
        longest = fits;
        assertTrue(longest > 400, "only " + longest + " characters fit");
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    static String returnPath(int euros) {
        return "/?pad=" + EURO.repeat(euros);
    }

    static URI loginUri(int euros) {
        return backend.uri("/login?return=" + CliLogin.encode(returnPath(euros)));
    }

    static HttpResponse<String> begin(int euros) throws Exception {
        return new BrowserlessLogin().get(loginUri(euros));
    }

    @Test
    void theLongestReturnPathThatFitsLogsInWithEveryCookieUnder4096Bytes() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> begun = browser.get(loginUri(longest));
        HttpResponse<String> toProvider = browser.get(BrowserlessLogin.location(begun));
        URI authorize = BrowserlessLogin.location(toProvider);
        Map<String, String> request = CliLogin.query(authorize);
        for (HttpResponse<String> step : List.of(begun, toProvider)) {
            String loginCookie = step.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith("kube-bind-login=")).findFirst()
                    .orElseThrow(() -> new AssertionError("no login cookie from " + step.uri()));
            int bytes = loginCookie.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes < BROWSER_COOKIE_BYTES, step.uri().getPath() + " set a login cookie of " + bytes + " bytes");
        }
        // The room the backend keeps for the container's state and nonce is enough for this server's.
        assertTrue(request.get("state").length() <= 128 && request.get("nonce").length() <= 128, request.toString());

        HttpResponse<String> loginPage = browser.follow(authorize);
        HttpResponse<String> callback = browser.get(BrowserlessLogin.location(browser.submit(loginPage,
                Map.of("username", "wanda", "password", "x"))));
        assertEquals(303, callback.statusCode(), callback.body());
        URI home = BrowserlessLogin.location(callback);
        assertEquals(returnPath(longest), home.getPath() + "?" + URLDecoder.decode(home.getRawQuery(), StandardCharsets.UTF_8));
        assertTrue(browser.get(home).body().contains("wanda"));
    }

    @Test
    void oneCharacterMoreIsAClear400ForBrowsersAndPrograms() throws Exception {
        HttpResponse<String> page = begin(longest + 1);
        assertEquals(400, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.body());
        assertTrue(page.body().contains("The return parameter is too long"), page.body());
        assertTrue(page.headers().allValues("Set-Cookie").isEmpty(), "a cookie for a login that did not begin");

        HttpResponse<String> json = new BrowserlessLogin().client().send(HttpRequest.newBuilder(loginUri(longest + 1))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, json.statusCode(), json.body());
        assertEquals("BAD_REQUEST", Json.object(json.body()).getString("code"), json.body());
    }

    /** The kube-bind login's redirect URL is held to the same size, for the web UI and the CLI alike. */
    @Test
    void aKubeBindRedirectUrlTooLongForTheCookieIsAJson400() throws Exception {
        String ui = backend.uri("/?pad=" + EURO.repeat(longest + 1)).toString();
        String cli = "http://127.0.0.1:41234/callback?pad=" + EURO.repeat(longest + 1);
        for (String[] login : List.of(new String[] {"ui", ui}, new String[] {"cli", cli})) {
            HttpResponse<String> answer = new BrowserlessLogin().get(backend.uri("/api/authorize?client_type="
                    + login[0] + "&session_id=s-1&redirect_url=" + CliLogin.encode(login[1])));
            assertEquals(400, answer.statusCode(), login[0] + ": " + answer.body());
            assertEquals("BAD_REQUEST", Json.object(answer.body()).getString("code"), answer.body());
            assertTrue(Json.object(answer.body()).getString("details").contains("redirect_url is too long"),
                    answer.body());
        }
        String fits = backend.uri("/?pad=" + EURO.repeat(longest - 100)).toString();
        assertEquals(303, new BrowserlessLogin().get(backend.uri("/api/authorize?client_type=ui&session_id=s-1"
                + "&redirect_url=" + CliLogin.encode(fits))).statusCode());
    }

    /**
     * The session's cookie is held to the same limit: a user whose groups (random ids, as Entra ID sends them) would
     * make it larger than browsers keep is told so, where a browser would have dropped the cookie and shown them
     * logged out; fewer such groups log in.
     */
    @Test
    void aSessionTooLargeForABrowsersCookieIsRefusedReadably() throws Exception {
        for (int groups : List.of(40, 200)) {
            BrowserlessLogin browser = new BrowserlessLogin();
            HttpResponse<String> loginPage = browser.follow(backend.uri("/login"));
            HttpResponse<String> callback = browser.get(BrowserlessLogin.location(browser.submit(loginPage,
                    Map.of("username", "yara", "password", "x", "groups", randomIds(groups)))));
            String seen = groups + " groups: " + callback.statusCode() + " " + callback.body();
            if (groups == 40) {
                assertEquals(303, callback.statusCode(), seen);
                String session = callback.headers().allValues("Set-Cookie").stream()
                        .filter(cookie -> cookie.startsWith("kube-bind=")).findFirst().orElseThrow();
                assertTrue(session.length() < BROWSER_COOKIE_BYTES, "a session cookie of " + session.length());
            } else {
                assertEquals(502, callback.statusCode(), seen);
                assertTrue(callback.body().contains("Login failed: your session would take"), seen);
                assertTrue(callback.headers().allValues("Set-Cookie").stream()
                        .noneMatch(cookie -> cookie.startsWith("kube-bind=")), seen);
            }
        }
    }

    private static String randomIds(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> java.util.UUID.randomUUID().toString())
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** Chromium keeps the login cookie of the longest return path, and logs in: it drops a cookie over 4096 bytes. */
    @Test
    void chromiumLogsInWithTheLongestReturnPath() throws Exception {
        ChromeDriver chromium = HeadlessChromium.start();
        try {
            chromium.get(loginUri(longest).toString());
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys("xena");
            chromium.findElement(By.name("password")).sendKeys("x");
            chromium.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("name")));
            assertEquals("xena", chromium.findElement(By.id("name")).getText(), chromium.getPageSource());
            URI landed = URI.create(chromium.getCurrentUrl());
            assertEquals(returnPath(longest), landed.getPath() + "?"
                    + URLDecoder.decode(landed.getRawQuery(), StandardCharsets.UTF_8));
        } finally {
            chromium.quit();
        }
    }
}
