package org.bindbackend.web;

import static org.bindbackend.testing.ArquillianServer.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
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

/**
 * Logouts that reach further than one session, in embedded mode: logging out at the embedded provider ends the
 * backend's session of that provider session through the back-channel logout the provider sends, and logging out
 * everywhere ends every session and CLI token of the user, and nobody else's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EmbeddedLogoutsIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive war() {
        return BackendWar.asBuilt();
    }

    static BrowserlessLogin loggedIn(String user) throws Exception {
        BrowserlessLogin browser = new BrowserlessLogin();
        EmbeddedLoginIT.login(browser, "/login", Map.of("username", user, "password", "any"));
        assertEquals(200, status(browser.client(), HttpRequest.newBuilder(BASE.resolve("/api/whoami"))));
        return browser;
    }

    static String cliToken(String user) throws Exception {
        return CliLogin.login(new BrowserlessLogin(), BASE.resolve("/api/authorize"), "s-" + user, "c-1",
                Map.of("username", user, "password", "any")).get("access_token");
    }

    static int status(HttpClient client, HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int whoami(BrowserlessLogin browser) throws Exception {
        return status(browser.client(), HttpRequest.newBuilder(BASE.resolve("/api/whoami")));
    }

    static int whoami(String bearer) throws Exception {
        return status(HTTP, HttpRequest.newBuilder(BASE.resolve("/api/whoami")).header("Authorization", "Bearer " + bearer));
    }

    @Test
    void theEmbeddedProviderAdvertisesBackChannelLogout() throws Exception {
        HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(
                BASE.resolve("/oidc/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(Json.object(discovery.body()).getBoolean("backchannel_logout_supported"));
        assertTrue(Json.object(discovery.body()).getBoolean("backchannel_logout_session_supported"));
    }

    @Test
    void loggingOutAtTheProviderEndsTheBackendsSessionThroughTheBackChannel() throws Exception {
        BrowserlessLogin erin = loggedIn("erin");
        BrowserlessLogin frank = loggedIn("frank");
        HttpResponse<String> loggedOut = erin.follow(BASE.resolve("/oidc/end-session"));
        assertEquals(200, loggedOut.statusCode(), loggedOut.body());
        assertEquals(401, whoami(erin), "the provider's logout reached the backend");
        assertEquals(200, whoami(frank));
    }

    @Test
    void loggingOutEverywhereEndsEverySessionAndTokenOfTheUserAndNoOneElses() throws Exception {
        BrowserlessLogin here = loggedIn("grace");
        BrowserlessLogin there = loggedIn("grace");
        String cli = cliToken("grace");
        BrowserlessLogin heidi = loggedIn("heidi");
        String heidisCli = cliToken("heidi");

        HttpResponse<String> answer = here.client().send(HttpRequest.newBuilder(BASE.resolve("/api/logout-everywhere"))
                .header("Accept", "text/html").header("Origin", BASE.toString())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, answer.statusCode(), answer.body());
        assertEquals(URI.create("/"), URI.create(answer.headers().firstValue("Location").orElseThrow()));
        assertEquals(401, whoami(here));
        assertEquals(401, whoami(there), "a session in another browser");
        assertEquals(401, whoami(cli), "a CLI token");
        assertEquals(200, whoami(heidi));
        assertEquals(200, whoami(heidisCli));
    }

    @Test
    void theCliLogsOutEverywhereWithItsToken() throws Exception {
        String cli = cliToken("ivan");
        BrowserlessLogin browser = loggedIn("ivan");
        assertEquals(204, status(HTTP, HttpRequest.newBuilder(BASE.resolve("/api/logout-everywhere"))
                .header("Authorization", "Bearer " + cli).POST(HttpRequest.BodyPublishers.noBody())));
        assertEquals(401, whoami(cli));
        assertEquals(401, whoami(browser));
        Thread.sleep(1100);
        assertEquals(200, whoami(cliToken("ivan")), "a login after it lives");
    }
}
