package org.bindbackend.web;

import static org.bindbackend.testing.ArquillianServer.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.bindbackend.testing.BackendWar;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole browser login against the embedded provider, on a real Payara Micro, with an HTTP client. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmbeddedLoginIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return BackendWar.asBuilt();
    }

    static HttpResponse<String> login(BrowserlessLogin browser, String path, Map<String, String> form) throws Exception {
        HttpResponse<String> loginPage = browser.follow(BASE.resolve(path));
        assertEquals(200, loginPage.statusCode(), loginPage.body());
        assertTrue(loginPage.uri().getPath().startsWith("/oidc/"), "the login page is the embedded provider's: " + loginPage.uri());
        HttpResponse<String> afterForm = browser.submit(loginPage, form);
        assertTrue(BrowserlessLogin.isRedirect(afterForm), () -> afterForm.statusCode() + " " + afterForm.body());
        return browser.follow(BrowserlessLogin.location(afterForm));
    }

    @Test
    void logsInWithAnyNameAndSeesWhoTheyAre() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> home = login(browser, "/login",
                Map.of("username", "alice", "password", "anything", "groups", "engineering, devops"));
        assertEquals(BASE.resolve("/"), home.uri());
        assertTrue(home.body().contains("alice"), home.body());
        assertTrue(home.body().contains("Log out"));
        assertTrue(browser.cookie("kube-bind").isPresent());

        HttpResponse<String> whoami = browser.client().send(HttpRequest.newBuilder(BASE.resolve("/api/whoami")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, whoami.statusCode(), whoami.body());
        JsonObject identity = Json.object(whoami.body());
        assertEquals("alice", identity.getString("sub"));
        assertEquals("alice", identity.getString("name"));
        assertEquals(BASE + "/oidc", identity.getString("iss"));
        assertEquals("alice@bind-backend.invalid", identity.getString("email"));
        assertEquals(List.of("engineering", "devops"), Json.strings(identity, "groups"));

        HttpResponse<String> ping = browser.client().send(HttpRequest.newBuilder(BASE.resolve("/api/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("pong", ping.body());
    }

    @Test
    void returnsToTheLocalPathAskedFor() throws Exception {
        HttpResponse<String> page = login(new BrowserlessLogin(), "/login?return=/api/whoami",
                Map.of("username", "bob", "password", "x"));
        assertEquals(BASE.resolve("/api/whoami"), page.uri());
        assertEquals("bob", Json.object(page.body()).getString("sub"));
    }

    @Test
    void refusesToReturnToAnotherHost() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        for (String target : List.of("https://evil.example.com/", "//evil.example.com/", "/\\evil.example.com")) {
            HttpResponse<String> response = browser.get(URI.create(BASE + "/login?return=" + java.net.URLEncoder.encode(target, "UTF-8")));
            assertEquals(400, response.statusCode(), target);
            assertTrue(response.body().contains("must be a path on this backend"));
        }
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> loginPage = browser.follow(BASE.resolve("/login"));
        HttpResponse<String> callback = browser.get(BrowserlessLogin.location(browser.submit(loginPage,
                Map.of("username", "carol", "password", "x"))));
        assertEquals(303, callback.statusCode(), callback.body());
        String setCookie = callback.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("kube-bind=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain http: a Secure cookie would be dropped: " + setCookie);
    }

    @Test
    void logoutForgetsTheSession() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        login(browser, "/login", Map.of("username", "dave", "password", "x"));
        HttpResponse<String> logout = browser.client().send(HttpRequest.newBuilder(BASE.resolve("/api/logout"))
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, logout.statusCode());
        HttpResponse<String> home = browser.get(BASE.resolve("/"));
        assertTrue(home.body().contains("not logged in"), home.body());
    }

    @Test
    void apiWithoutSessionIsAJson401NotARedirect() throws Exception {
        for (String path : List.of("/api/whoami", "/api/ping")) {
            HttpResponse<String> response = new BrowserlessLogin().client().send(
                    HttpRequest.newBuilder(BASE.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, response.statusCode(), path);
            assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals("AUTHENTICATION_FAILED", Json.object(response.body()).getString("code"));
        }
    }

    @Test
    void forgedSessionCookieIsRefused() throws Exception {
        HttpResponse<String> response = new BrowserlessLogin().client().send(HttpRequest.newBuilder(BASE.resolve("/api/whoami"))
                .header("Cookie", "kube-bind=eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
    }

    @Test
    void callbackWithoutALoginInProgressIsAReadable400() throws Exception {
        HttpResponse<String> response = new BrowserlessLogin().get(BASE.resolve("/api/callback"));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("Login failed"), response.body());
    }

    @Test
    void tamperedStateIsRefusedWithoutASession() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> loginPage = browser.follow(BASE.resolve("/login"));
        URI callback = BrowserlessLogin.location(browser.submit(loginPage, Map.of("username", "eve", "password", "x")));
        URI tampered = URI.create(callback.toString().replaceAll("state=[^&]+", "state=forged"));
        HttpResponse<String> response = browser.get(tampered);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("Login failed"), response.body());
        assertTrue(browser.cookie("kube-bind").isEmpty());
    }

    @Test
    void replayedCallbackIsRefused() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> loginPage = browser.follow(BASE.resolve("/login"));
        URI callback = BrowserlessLogin.location(browser.submit(loginPage, Map.of("username", "frank", "password", "x")));
        assertEquals(303, browser.get(callback).statusCode());
        HttpResponse<String> replay = new BrowserlessLogin().get(callback);
        assertEquals(400, replay.statusCode(), replay.body());
    }

    @Test
    void providerErrorOnTheCallbackIsShownInTheBackendsOwnWords() throws Exception {
        HttpResponse<String> response = new BrowserlessLogin().get(BASE.resolve("/api/callback?error=access_denied"
                + "&error_description=Call%20%2B1-555-0100%20to%20restore%20your%20account&state=x"));
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("declined") && response.body().contains("access_denied"), response.body());
        assertFalse(response.body().contains("555-0100"), "the provider's description is never shown: anyone can "
                + "send a browser here with any text");

        HttpResponse<String> unknown = new BrowserlessLogin().get(BASE.resolve(
                "/api/callback?error=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state=x"));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("an error this backend does not know"), unknown.body());
        assertFalse(unknown.body().contains("alert(1)"), unknown.body());
    }

    @Test
    void healthProbesAreUp() throws Exception {
        for (String probe : List.of("/health/live", "/health/ready", "/health/started")) {
            HttpResponse<String> response = new BrowserlessLogin().client().send(HttpRequest.newBuilder(BASE.resolve(probe)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), probe + " " + response.body());
            assertEquals("UP", Json.object(response.body()).getString("status"));
        }
    }
}
