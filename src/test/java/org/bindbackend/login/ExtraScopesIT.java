package org.bindbackend.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** oidc.extra-scopes reach the authorization request on each server, and the login still completes. */
class ExtraScopesIT {

    static BackendServer server;

    @BeforeAll
    static void start() throws Exception {
        server = BackendServer.start(Map.of("oidc.type", "embedded", "oidc.extra-scopes", "groups"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theAuthorizationRequestAsksForTheExtraScopes() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        URI authorize = browser.redirectTo(server.uri("/login"), "/oidc/authorize");
        String scope = Arrays.stream(authorize.getRawQuery().split("&")).filter(p -> p.startsWith("scope="))
                .map(p -> URLDecoder.decode(p.substring(6), StandardCharsets.UTF_8)).findFirst().orElse("");
        List<String> scopes = List.of(scope.split(" "));
        assertTrue(scopes.containsAll(List.of("openid", "profile", "email", "groups")), scope);
        assertEquals(scopes.size(), scopes.stream().distinct().count(), scope);

        HttpResponse<String> loginPage = browser.follow(authorize);
        HttpResponse<String> home = browser.follow(BrowserlessLogin.location(browser.submit(loginPage,
                Map.of("username", "uma", "password", "x"))));
        assertEquals(server.uri("/"), home.uri());
        assertTrue(home.body().contains("uma"), home.body());
    }
}
