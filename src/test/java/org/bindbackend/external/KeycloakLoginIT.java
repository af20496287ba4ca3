package org.bindbackend.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.Json;
import org.bindbackend.testing.KeycloakServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Logins against a real Keycloak over https, the way users and the kube-bind CLI log in: the backend trusts Keycloak
 * through {@code oidc.ca-file} only, verifies Keycloak's ID tokens itself and lets in the group {@code engineering}
 * and the user {@code carol}, nobody else.
 */
class KeycloakLoginIT {

    static KeycloakServer keycloak;
    static BackendServer backend;

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.shared();
        backend = BackendServer.start(ExternalSettings.of(keycloak)
                .with("oidc.allowed-groups", "engineering")
                .with("oidc.allowed-users", RealmUser.CAROL.username())
                .map());
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aliceLogsInAndTheApiKnowsWhoSheIs() throws Exception {
        BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
        KeycloakLogin.assertLogsIn(browser, keycloak, backend, RealmUser.ALICE);
        HttpResponse<String> home = browser.get(backend.uri("/"));
        assertTrue(home.body().contains("<dd id=\"name\">alice</dd>"), home.body());
        assertTrue(home.headers().firstValue("Content-Security-Policy").orElse("").contains("form-action 'self';"),
                "without oidc.end-provider-session the logout form leads here only: " + home.headers().map());

        JsonObject identity = whoami(browser);
        assertEquals(KeycloakUsers.id(keycloak, RealmUser.ALICE), identity.getString("sub"), identity.toString());
        assertEquals(keycloak.issuer().toString(), identity.getString("iss"));
        assertEquals("alice", identity.getString("name"));
        assertEquals(RealmUser.ALICE.email(), identity.getString("email"));
        List<String> groups = Json.strings(identity, "groups");
        assertEquals(2, groups.size(), identity.toString());
        assertEquals(Set.of("engineering", "devops"), Set.copyOf(groups));
    }

    @Test
    void carolIsLetInByNameThoughSheHasNoGroup() throws Exception {
        BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
        KeycloakLogin.assertLogsIn(browser, keycloak, backend, RealmUser.CAROL);
        JsonObject identity = whoami(browser);
        assertEquals("carol", identity.getString("name"), identity.toString());
        assertEquals(RealmUser.CAROL.email(), identity.getString("email"));
        assertEquals(List.of(), Json.strings(identity, "groups"));
    }

    @Test
    void bobOfSalesIsRefusedAfterLoggingInAtKeycloak() throws Exception {
        BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
        Evidence evidence = Evidence.from(backend);
        HttpResponse<String> callback = KeycloakLogin.logIn(browser, keycloak, backend.uri("/login"), RealmUser.BOB);
        String seen = evidence.of(callback);

        FailurePages.assertReadable(callback, 403, "Login failed", seen);
        assertTrue(callback.body().contains("not in the users or groups allowed"), seen);
        FailurePages.assertNoSession(browser, backend, seen);
    }

    @Test
    void theKubeBindCliGetsATokenThatCallsTheApi() throws Exception {
        BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
        Map<String, String> toListener = CliLogin.login(browser, authenticatedUrl(), "session-kc", "cluster-kc",
                RealmUser.ALICE.loginForm());
        assertEquals("Bearer", toListener.get("token_type"), toListener.toString());
        assertEquals("session-kc", toListener.get("session_id"));
        assertTrue(browser.cookie("kube-bind").isEmpty(), "a CLI login sets no cookie");

        HttpClient cli = HttpClient.newHttpClient();
        HttpResponse<String> ping = cli.send(HttpRequest.newBuilder(backend.uri("/api/ping"))
                .header("Authorization", "Bearer " + toListener.get("access_token")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ping.statusCode(), ping.body());
        assertEquals("pong", ping.body());
    }

    @Test
    void chromiumLogsInThroughKeycloaksLoginPage() throws Exception {
        ChromeDriver chromium = TrustingChromium.start(ServerCertificates.spkiSha256(keycloak.port(), keycloak.sslContext()));
        try {
            chromium.get(backend.uri("/").toString());
            chromium.findElement(By.linkText("Log in")).click();

            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
            assertEquals(keycloak.port(), URI.create(chromium.getCurrentUrl()).getPort(), chromium.getCurrentUrl());
            chromium.findElement(By.name("username")).sendKeys(RealmUser.ALICE.username());
            chromium.findElement(By.name("password")).sendKeys(RealmUser.ALICE.password());
            chromium.findElement(By.cssSelector("#kc-form-login [type=submit]")).click();

            wait.until(ExpectedConditions.urlToBe(backend.uri("/").toString()));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("name")));
            assertEquals("alice", chromium.findElement(By.id("name")).getText(), chromium.getPageSource());
        } finally {
            chromium.quit();
        }
    }

    private static JsonObject whoami(BrowserlessLogin browser) throws Exception {
        HttpResponse<String> whoami = browser.client().send(HttpRequest.newBuilder(backend.uri("/api/whoami")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, whoami.statusCode(), whoami.body());
        return Json.object(whoami.body());
    }

    /** Where {@code kubectl bind} starts a login, as {@code /api/exports} announces it. */
    private static URI authenticatedUrl() throws Exception {
        HttpResponse<String> exports = HttpClient.newHttpClient().send(HttpRequest.newBuilder(backend.uri("/api/exports")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, exports.statusCode(), exports.body());
        return URI.create(Json.object(exports.body()).getJsonArray("authenticationMethods").getJsonObject(0)
                .getJsonObject("oauth2CodeGrant").getString("authenticatedURL"));
    }
}
