package org.bindbackend.issuer;

import static org.bindbackend.testing.ArquillianServer.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.bindbackend.testing.BackendWar;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.Json;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The embedded provider's HTTP binding on a real server: routes, methods, where parameters may come from. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OidcProviderHttpIT {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive war() {
        return BackendWar.asBuilt();
    }

    @Test
    void servesDiscoveryAndKeysAsJson() throws Exception {
        HttpResponse<String> discovery = get("/oidc/.well-known/openid-configuration");
        assertEquals(200, discovery.statusCode());
        assertEquals("application/json", discovery.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(BASE + "/oidc", Json.object(discovery.body()).getString("issuer"));

        HttpResponse<String> jwks = get("/oidc/.well-known/jwks.json");
        assertEquals("RSA", Json.object(jwks.body()).getJsonArray("keys").getJsonObject(0).getString("kty"));
    }

    @Test
    void theKubeBindSpellingOfTheDiscoveryDocumentLeadsToIt() throws Exception {
        HttpResponse<String> moved = get("/oidc/.well-known/openid_configuration");
        assertEquals(301, moved.statusCode(), moved.body());
        URI location = BASE.resolve(moved.headers().firstValue("Location").orElseThrow());
        assertEquals(BASE.resolve("/oidc/.well-known/openid-configuration"), location);
        assertEquals(BASE + "/oidc", Json.object(get(location.getPath()).body()).getString("issuer"));
    }

    @Test
    void aPostedAuthorizationRequestCountsOnlyWhatIsInItsBody() throws Exception {
        String request = authorizationRequestOfTheBackend();

        HttpResponse<String> inTheBody = post("/oidc/authorize", FORM, request);
        assertEquals(200, inTheBody.statusCode(), inTheBody.body());
        assertTrue(inTheBody.body().contains("name=\"password\""), "the login form");

        HttpResponse<String> inTheUrl = post("/oidc/authorize?" + request, FORM, "");
        assertEquals(400, inTheUrl.statusCode(), inTheUrl.body());
        assertTrue(inTheUrl.body().contains("client_id"), inTheUrl.body());

        HttpResponse<String> asJson = post("/oidc/authorize", "application/json", "{\"client_id\":\"x\"}");
        assertEquals(400, asJson.statusCode(), asJson.body());
    }

    @Test
    void aBodyThatIsNotFormEncodingIsAnInvalidRequest() throws Exception {
        HttpResponse<String> response = post("/oidc/token", FORM, "grant_type=authorization_code&code=%zz");

        assertEquals(400, response.statusCode(), response.body());
        JsonObject error = Json.object(response.body());
        assertEquals("invalid_request", error.getString("error"));
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
    }

    @Test
    void refusesABodyLargerThanAnyRequestOfTheProviderAndStillServesTheNextRequest() throws Exception {
        HttpClient keepAlive = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = keepAlive.send(HttpRequest.newBuilder(BASE.resolve("/oidc/token"))
                .timeout(TIMEOUT).header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(
                        "code=" + "a".repeat(OidcProviderServlet.MAX_BODY_BYTES))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());

        HttpResponse<String> next = keepAlive.send(HttpRequest.newBuilder(BASE.resolve("/oidc/.well-known/jwks.json"))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, next.statusCode());
    }

    @Test
    void answersAMethodARouteDoesNotTakeWith405AndTheOnesItTakes() throws Exception {
        HttpResponse<String> login = get("/oidc/login");
        assertEquals(405, login.statusCode());
        assertEquals("POST", login.headers().firstValue("Allow").orElse(""));

        HttpResponse<String> keys = post("/oidc/.well-known/jwks.json", FORM, "");
        assertEquals(405, keys.statusCode());
        assertEquals("GET, HEAD", keys.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void answersAnUnknownRouteWith404() throws Exception {
        assertEquals(404, get("/oidc/nothing-here").statusCode());
        assertEquals(404, get("/oidc").statusCode());
    }

    /** The query of the authorization request the backend's login sends browsers to (its client id, callback...). */
    private static String authorizationRequestOfTheBackend() throws Exception {
        return new BrowserlessLogin().redirectTo(BASE.resolve("/login"), "/oidc/authorize").getRawQuery();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).timeout(TIMEOUT).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
