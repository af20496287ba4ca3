package org.bindbackend.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.HostileProvider;
import org.junit.jupiter.api.Test;

/**
 * A provider whose discovery document names an endpoint in clear text on the network (OpenID Connect Discovery 1.0
 * §3): the client secret and the codes would go to the token endpoint unprotected, and anyone on the path could swap
 * the keys of the JWK Set. The backend refuses such a document, whichever endpoint it is, and says which one and why
 * in one line; the same provider with its own loopback endpoints logs in.
 */
class ClearTextEndpointsIT {

    static final List<String> ENDPOINTS = List.of("authorization_endpoint", "token_endpoint", "userinfo_endpoint",
            "jwks_uri", "end_session_endpoint");

    @Test
    void aDocumentNamingAnyEndpointInClearTextIsRefusedAndSaysWhichAndWhy() throws Exception {
        try (HostileProvider provider = HostileProvider.start();
                BackendServer backend = BackendServer.start(provider.backendSettings())) {
            for (String endpoint : ENDPOINTS) {
                String clear = "http://provider.example.com/" + endpoint;
                provider.announceEndpoint(endpoint, clear);
                int logMark = backend.log().length();
                HttpResponse<String> page = loginAfterTheLastFailureWasForgotten(backend);
                String log = backend.log().substring(logMark);
                String seen = endpoint + ": " + page.statusCode() + " " + page.body() + "\nbackend log:\n" + log;

                assertEquals(502, page.statusCode(), seen);
                assertTrue(page.body().contains(endpoint), seen);
                String why = "\"" + endpoint + "\" \"" + clear + "\" in clear text";
                assertTrue(log.lines().anyMatch(line -> line.contains(why) && line.contains("must be https")), seen);
                assertFalse(log.contains("Relayed the container"), "the container was given the document: " + seen);
                provider.announceEndpoint(endpoint, null);
            }
            HttpResponse<String> honest = loginAfterTheLastFailureWasForgotten(backend);
            assertEquals(303, honest.statusCode(), "the same provider with its own endpoints: " + honest.body()
                    + "\n" + backend.log());
        }
    }

    /**
     * A login at {@code /login}, followed to the callback's answer, once the backend forgot its last failed look at
     * the provider (it keeps a failure for two seconds, so that a flood of logins asks the provider once).
     */
    private static HttpResponse<String> loginAfterTheLastFailureWasForgotten(BackendServer backend) throws Exception {
        Thread.sleep(2_100);
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> response = browser.get(backend.uri("/login"));
        for (int hops = 0; BrowserlessLogin.isRedirect(response)
                && !response.uri().getPath().equals("/api/callback") && hops < 10; hops++) {
            response = browser.get(BrowserlessLogin.location(response));
        }
        return response;
    }
}
