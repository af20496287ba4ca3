package org.bindbackend.api;

import static org.bindbackend.testing.ArquillianServer.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bindbackend.testing.BackendWar;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kube-bind CLI protocol and the API's answers to programs, against the embedded provider on Payara Micro. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KubeBindCliIT {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Deployment(testable = false)
    static WebArchive war() {
        return BackendWar.asBuilt();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(BASE.resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI authenticatedUrl() throws Exception {
        JsonObject provider = Json.object(get("/api/exports").body());
        assertEquals("BindingProvider", provider.getString("kind"));
        return URI.create(provider.getJsonArray("authenticationMethods").getJsonObject(0)
                .getJsonObject("oauth2CodeGrant").getString("authenticatedURL"));
    }

    String cliToken(String user, String groups) throws Exception {
        Map<String, String> redirect = CliLogin.login(new BrowserlessLogin(), authenticatedUrl(), "s-" + user, "c-1",
                Map.of("username", user, "password", "x", "groups", groups));
        return redirect.get("access_token");
    }

    @Test
    void exportsNamesTheAuthorizeEndpointOnTheExternalUrl() throws Exception {
        assertEquals(BASE.resolve("/api/authorize"), authenticatedUrl());
        HttpResponse<String> old = get("/exports");
        assertEquals(301, old.statusCode());
        assertEquals("/api/exports", URI.create(old.headers().firstValue("Location").orElseThrow()).getPath());
        assertEquals("ok", get("/healthz").body());
        assertEquals("ok", get("/api/healthz").body());
    }

    @Test
    void theCliGetsATokenAndCallsTheApiWithIt() throws Exception {
        Map<String, String> redirect = CliLogin.login(new BrowserlessLogin(), authenticatedUrl(), "session-42", "cluster-7",
                Map.of("username", "kim", "password", "x", "groups", "platform"));
        assertEquals("Bearer", redirect.get("token_type"));
        assertEquals("3600", redirect.get("expires_in"));
        assertEquals("cluster-7", redirect.get("cluster_id"));
        assertEquals("session-42", redirect.get("session_id"));
        String token = redirect.get("access_token");

        HttpResponse<String> ping = get("/api/ping", "Authorization", "Bearer " + token);
        assertEquals(200, ping.statusCode());
        assertEquals("pong", ping.body());
        JsonObject whoami = Json.object(get("/api/whoami", "Authorization", "Bearer " + token).body());
        assertEquals("kim", whoami.getString("sub"));
        assertEquals(List.of("platform"), Json.strings(whoami, "groups"));
    }

    @Test
    void theCliLoginSetsNoCookie() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        CliLogin.login(browser, authenticatedUrl(), "s", "c", Map.of("username", "lee", "password", "x"));
        assertTrue(browser.cookie("kube-bind").isEmpty());
    }

    @Test
    void aUiLoginSetsTheCookieAndReturnsToTheBackend() throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> loginPage = browser.follow(URI.create(BASE + "/api/authorize?client_type=ui&session_id=ui-1"
                + "&redirect_url=" + CliLogin.encode(BASE + "/")));
        HttpResponse<String> home = browser.follow(BrowserlessLogin.location(browser.submit(loginPage,
                Map.of("username", "uma", "password", "x"))));
        assertEquals(BASE.resolve("/"), home.uri());
        assertTrue(home.body().contains("uma"));
        assertTrue(browser.cookie("kube-bind").isPresent());
    }

    @Test
    void authorizeNamesTheMissingParameters() throws Exception {
        HttpResponse<String> response = get("/api/authorize");
        assertEquals(400, response.statusCode());
        JsonObject error = Json.object(response.body());
        assertEquals("BAD_REQUEST", error.getString("code"));
        assertTrue(error.getString("details").contains("redirect_url is required"));
        assertTrue(error.getString("details").contains("session_id is required"));
    }

    @Test
    void authorizeTakesAJsonBodyToo() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(BASE.resolve("/api/authorize"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"redirect_url\":\"" + CliLogin.LISTENER
                        + "\",\"session_id\":\"j1\",\"client_type\":\"cli\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, response.statusCode(), response.body());
        assertEquals("/login/start", URI.create(response.headers().firstValue("Location").orElseThrow()).getPath());
    }

    @Test
    void theCliIsOnlyAnsweredOnThisComputer() throws Exception {
        for (String target : List.of("https://evil.example.com/callback", "http://evil.example.com/callback",
                "http://127.0.0.1.evil.example.com/callback", "https://127.0.0.1:1234/callback", "http://user@127.0.0.1/x")) {
            HttpResponse<String> response = get("/api/authorize?client_type=cli&session_id=s&redirect_url=" + CliLogin.encode(target));
            assertEquals(400, response.statusCode(), target);
            assertEquals("BAD_REQUEST", Json.object(response.body()).getString("code"));
        }
        for (String loopback : List.of("http://127.0.0.1:5000/cb", "http://localhost:5000/cb", "http://[::1]:5000/cb")) {
            assertEquals(303, get("/api/authorize?client_type=cli&session_id=s&redirect_url=" + CliLogin.encode(loopback))
                    .statusCode(), loopback);
        }
    }

    @Test
    void aUiIsOnlyAnsweredOnThisBackendOrAnAllowedOrigin() throws Exception {
        HttpResponse<String> response = get("/api/authorize?client_type=ui&session_id=s&redirect_url="
                + CliLogin.encode("https://evil.example.com/"));
        assertEquals(400, response.statusCode());
        assertTrue(Json.object(response.body()).getString("details").contains("ui-allowed-origins"));
    }

    @Test
    void everyProtectedCallWithoutCredentialsIsAJson401NeverARedirect() throws Exception {
        for (String path : List.of("/api/ping", "/api/whoami")) {
            for (String accept : List.of("application/json", "text/html", "*/*")) {
                HttpResponse<String> response = get(path, "Accept", accept);
                assertEquals(401, response.statusCode(), path + " " + accept);
                assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElseThrow());
                assertEquals("AUTHENTICATION_FAILED", Json.object(response.body()).getString("code"));
                assertFalse(response.headers().firstValue("Location").isPresent());
            }
        }
    }

    @Test
    void badCredentialsAreNamedInTheJson401() throws Exception {
        String token = cliToken("nia", "");
        String[] parts = token.split("\\.");
        Map<String, String> cases = Map.of(
                "Basic bmlhOng=", "not \"Bearer <token>\"",
                "Bearer not-a-jwt", "not one this backend issued",
                "Bearer " + parts[0] + "." + parts[1] + ".AAAA", "not one this backend issued",
                "Bearer " + parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "." + parts[2], "not one this backend issued");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = get("/api/ping", "Authorization", c.getKey());
            assertEquals(401, response.statusCode(), c.getKey());
            JsonObject error = Json.object(response.body());
            assertEquals("AUTHENTICATION_FAILED", error.getString("code"));
            assertTrue(error.getString("details").contains(c.getValue()), error.toString());
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().contains("invalid_token"));
        }
    }

    @Test
    void logoutRevokesTheToken() throws Exception {
        String token = cliToken("oli", "");
        assertEquals(200, get("/api/ping", "Authorization", "Bearer " + token).statusCode());
        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(BASE.resolve("/api/logout"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, logout.statusCode());
        HttpResponse<String> after = get("/api/ping", "Authorization", "Bearer " + token);
        assertEquals(401, after.statusCode());
        assertTrue(Json.object(after.body()).getString("details").contains("ended by logout"));
    }

    @Test
    void crossSiteLogoutIsRefused() throws Exception {
        String token = cliToken("pat", "");
        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(BASE.resolve("/api/logout"))
                .header("Authorization", "Bearer " + token).header("Origin", "https://evil.example.com")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, logout.statusCode());
        assertEquals(200, get("/api/ping", "Authorization", "Bearer " + token).statusCode());
    }

    @Test
    void aUserInThreeHundredGroupsKeepsACookieBrowsersAccept() throws Exception {
        String groups = IntStream.range(0, 300).mapToObj(i -> "team-" + i + "-kube-bind-consumers")
                .collect(Collectors.joining(","));
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> loginPage = browser.follow(BASE.resolve("/login"));
        HttpResponse<String> callback = browser.get(BrowserlessLogin.location(browser.submit(loginPage,
                Map.of("username", "quinn", "password", "x", "groups", groups))));
        String setCookie = callback.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("kube-bind=")).findFirst().orElseThrow();
        assertTrue(setCookie.length() < 4096, "Set-Cookie of " + setCookie.length() + " bytes");
        HttpResponse<String> whoami = browser.client().send(HttpRequest.newBuilder(BASE.resolve("/api/whoami")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(300, Json.object(whoami.body()).getJsonArray("groups").size());
    }
}
