package org.bindbackend.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.KeycloakServer;
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
 * Every page flow that crosses origins, in a real Chromium against the real Keycloak on its own https origin: a
 * browser applies the pages' Content-Security-Policy to the redirects after a form (Chromium refused the logout's
 * redirect to Keycloak under {@code form-action 'self'}), which an HTTP client never does. Logging out with
 * {@code oidc.end-provider-session} ends Keycloak's session too, so the next login asks for a password again; the
 * kube-bind CLI's login ends at its loopback listener, a web UI's at its allowed origin.
 */
class KeycloakBrowserFlowsIT {

    static KeycloakServer keycloak;
    static LoopbackListener elsewhere;
    static BackendServer backend;
    ChromeDriver chromium;

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.shared();
        elsewhere = LoopbackListener.start();
        backend = BackendServer.start(ExternalSettings.of(keycloak)
                .with("oidc.end-provider-session", "true")
                .with("ui-allowed-origins", elsewhere.origin().toString())
                .map());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        if (elsewhere != null) {
            elsewhere.close();
        }
    }

    @BeforeEach
    void startChromium() throws Exception {
        chromium = TrustingChromium.start(ServerCertificates.spkiSha256(keycloak.port(), keycloak.sslContext()));
    }

    @AfterEach
    void stopChromium() {
        chromium.quit();
    }

    @Test
    void logOutEndsKeycloaksSessionTooSoTheNextLoginAsksAgain() {
        chromium.get(backend.uri("/").toString());
        chromium.findElement(By.linkText("Log in")).click();
        signInAtKeycloak(RealmUser.ALICE);
        assertEquals("alice", waitFor(By.id("name")).getText(), chromium.getPageSource());

        chromium.findElement(By.xpath("//button[text()='Log out']")).click();
        // Keycloak's own page: without an ID token hint it asks whether to log out (RP-Initiated Logout 1.0 §2).
        waitFor(By.cssSelector("#kc-logout, [name=confirmLogout]"));
        assertEquals(keycloak.port(), URI.create(chromium.getCurrentUrl()).getPort(),
                "not at Keycloak's logout page: " + chromium.getCurrentUrl() + "\n" + chromium.getPageSource());
        chromium.findElement(By.cssSelector("#kc-logout, [name=confirmLogout]")).click();

        waitFor(By.linkText("Log in"));
        assertEquals(backend.uri("/").toString(), chromium.getCurrentUrl(), chromium.getPageSource());
        chromium.findElement(By.linkText("Log in")).click();
        waitFor(By.id("kc-form-login"));
        assertEquals(keycloak.port(), URI.create(chromium.getCurrentUrl()).getPort(),
                "logged in again without Keycloak's login form: " + chromium.getCurrentUrl());
    }

    /** The logged-in home page's forms may lead here and to Keycloak's origin, nowhere else. */
    @Test
    void theLogoutFormMayLeadToKeycloaksOriginOnly() throws Exception {
        BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
        KeycloakLogin.assertLogsIn(browser, keycloak, backend, RealmUser.ALICE);
        String policy = browser.get(backend.uri("/")).headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("; form-action 'self' https://127.0.0.1:" + keycloak.port() + ";"), policy);
    }

    @Test
    void theCliLoginEndsAtItsLoopbackListenerWithAWorkingToken() throws Exception {
        URI listener = URI.create(elsewhere.origin() + "/callback");
        chromium.get(backend.uri("/api/authorize?client_type=cli&session_id=s-kc&cluster_id=c-kc&redirect_url="
                + CliLogin.encode(listener.toString())).toString());
        signInAtKeycloak(RealmUser.ALICE);

        URI received = elsewhere.next("/callback", Duration.ofSeconds(30));
        Map<String, String> query = CliLogin.query(received);
        assertEquals("s-kc", query.get("session_id"), received.toString());
        new WebDriverWait(chromium, Duration.ofSeconds(20)).until(ExpectedConditions.titleIs(LoopbackListener.TITLE));
        HttpResponse<String> ping = HttpClient.newHttpClient().send(HttpRequest.newBuilder(backend.uri("/api/ping"))
                .header("Authorization", "Bearer " + query.get("access_token")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ping.statusCode(), ping.body());
    }

    @Test
    void aWebUiLoginEndsAtItsAllowedOriginWithTheSessionCookieSet() throws Exception {
        URI ui = URI.create(elsewhere.origin() + "/app/clusters");
        chromium.get(backend.uri("/api/authorize?client_type=ui&session_id=s-ui&redirect_url="
                + CliLogin.encode(ui.toString())).toString());
        signInAtKeycloak(RealmUser.CAROL);

        elsewhere.next("/app/clusters", Duration.ofSeconds(30));
        new WebDriverWait(chromium, Duration.ofSeconds(20)).until(ExpectedConditions.titleIs(LoopbackListener.TITLE));
        chromium.get(backend.uri("/").toString());
        assertEquals("carol", waitFor(By.id("name")).getText());
    }

    private void signInAtKeycloak(RealmUser user) {
        waitFor(By.id("kc-form-login"));
        assertEquals(keycloak.port(), URI.create(chromium.getCurrentUrl()).getPort(), chromium.getCurrentUrl());
        chromium.findElement(By.name("username")).sendKeys(user.username());
        chromium.findElement(By.name("password")).sendKeys(user.password());
        chromium.findElement(By.cssSelector("#kc-form-login [type=submit]")).click();
    }

    private org.openqa.selenium.WebElement waitFor(By element) {
        return new WebDriverWait(chromium, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(element));
    }
}
