package org.bindbackend.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.HeadlessChromium;
import org.bindbackend.testing.LoopbackListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page flows that leave the backend's origin, in a real Chromium against the embedded provider, where a browser
 * enforces what an HTTP client does not (the pages' Content-Security-Policy on the redirects after a form, cookies):
 * the kube-bind CLI's login ends at its loopback listener, a web UI's at its allowed origin, and a logout with
 * {@code oidc.end-provider-session} goes through the provider's end-session endpoint and back home.
 */
class EmbeddedBrowserFlowsIT {

    static LoopbackListener elsewhere;
    static BackendServer backend;
    ChromeDriver chromium;

    @BeforeAll
    static void start() throws Exception {
        elsewhere = LoopbackListener.start();
        backend = BackendServer.start(Map.of("oidc.type", "embedded", "oidc.end-provider-session", "true",
                "ui-allowed-origins", elsewhere.origin().toString(), "v", "2"));
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        elsewhere.close();
    }

    @BeforeEach
    void startChromium() throws Exception {
        chromium = HeadlessChromium.start();
    }

    @AfterEach
    void stopChromium() {
        chromium.quit();
    }

    @Test
    void theCliLoginEndsAtItsLoopbackListenerWithAWorkingToken() throws Exception {
        URI listener = URI.create(elsewhere.origin() + "/callback");
        chromium.get(backend.uri("/api/authorize?client_type=cli&session_id=s-7&cluster_id=c-7&redirect_url="
                + CliLogin.encode(listener.toString())).toString());
        logInAtTheEmbeddedProvider("cleo");

        URI received = elsewhere.next("/callback", Duration.ofSeconds(20));
        Map<String, String> query = CliLogin.query(received);
        assertEquals("s-7", query.get("session_id"), received.toString());
        wait(chromium).until(ExpectedConditions.titleIs(LoopbackListener.TITLE));
        HttpResponse<String> ping = HttpClient.newHttpClient().send(HttpRequest.newBuilder(backend.uri("/api/ping"))
                .header("Authorization", "Bearer " + query.get("access_token")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ping.statusCode(), ping.body());
    }

    @Test
    void aWebUiLoginEndsAtItsAllowedOriginWithTheSessionCookieSet() throws Exception {
        URI ui = URI.create(elsewhere.origin() + "/app/clusters");
        chromium.get(backend.uri("/api/authorize?client_type=ui&session_id=s-8&redirect_url="
                + CliLogin.encode(ui.toString())).toString());
        logInAtTheEmbeddedProvider("uma");

        elsewhere.next("/app/clusters", Duration.ofSeconds(20));
        wait(chromium).until(ExpectedConditions.titleIs(LoopbackListener.TITLE));
        chromium.get(backend.uri("/").toString());
        assertEquals("uma", wait(chromium).until(ExpectedConditions.presenceOfElementLocated(By.id("name"))).getText());
    }

    @Test
    void logOutGoesThroughTheProvidersEndSessionEndpointAndBackHome() throws Exception {
        chromium.get(backend.uri("/").toString());
        chromium.findElement(By.linkText("Log in")).click();
        logInAtTheEmbeddedProvider("lou");
        assertEquals("lou", wait(chromium).until(ExpectedConditions.presenceOfElementLocated(By.id("name"))).getText());

        int logMark = backend.log().length();
        chromium.findElement(By.xpath("//button[text()='Log out']")).click();
        wait(chromium).until(ExpectedConditions.presenceOfElementLocated(By.linkText("Log in")));
        assertEquals(backend.uri("/").toString(), chromium.getCurrentUrl(), chromium.getPageSource());
        String log = backend.log().substring(logMark);
        assertTrue(log.contains("Logged out; redirecting to the post-logout redirect URI"),
                "the provider's end-session endpoint was not reached: " + log);
        chromium.findElement(By.linkText("Log in")).click();
        assertTrue(wait(chromium).until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).isDisplayed(),
                "logged in again without the provider's login form: " + chromium.getPageSource());
    }

    private void logInAtTheEmbeddedProvider(String user) {
        wait(chromium).until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys(user);
        chromium.findElement(By.name("password")).sendKeys("any password");
        chromium.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static WebDriverWait wait(ChromeDriver chromium) {
        return new WebDriverWait(chromium, Duration.ofSeconds(20));
    }
}
