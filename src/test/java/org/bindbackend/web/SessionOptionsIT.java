package org.bindbackend.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The session settings a deployment may change: logout at the provider too, and web UIs on other origins. */
class SessionOptionsIT {

    static final String UI = "https://ui.example.com";
    static BackendServer server;

    @BeforeAll
    static void start() throws Exception {
        server = BackendServer.start(Map.of("oidc.type", "embedded", "oidc.end-provider-session", "true",
                "ui-allowed-origins", UI));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void logoutEndsTheProvidersSessionAndComesBack() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> loginPage = browser.follow(server.uri("/login"));
        browser.follow(BrowserlessLogin.location(browser.submit(loginPage, Map.of("username", "ivy", "password", "x"))));
        HttpResponse<String> logout = browser.client().send(HttpRequest.newBuilder(server.uri("/api/logout"))
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, logout.statusCode());
        URI endSession = BrowserlessLogin.location(logout);
        assertEquals("/oidc/end-session", endSession.getPath());
        assertTrue(endSession.getQuery().contains("post_logout_redirect_uri=" + server.uri("/")), endSession.toString());
        HttpResponse<String> back = browser.follow(endSession);
        assertEquals(server.uri("/"), back.uri());
        assertTrue(back.body().contains("not logged in"), back.body());
    }

    @Test
    void aUiOnAnAllowedOriginGetsTheBrowserBack() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> loginPage = browser.follow(URI.create(server.uri("/api/authorize") + "?client_type=ui"
                + "&session_id=u1&redirect_url=" + CliLogin.encode(UI + "/bound")));
        HttpResponse<String> callback = browser.get(BrowserlessLogin.location(browser.submit(loginPage,
                Map.of("username", "jo", "password", "x"))));
        assertEquals(303, callback.statusCode());
        assertEquals(URI.create(UI + "/bound"), BrowserlessLogin.location(callback));
        assertTrue(browser.cookie("kube-bind").isPresent());
    }
}
