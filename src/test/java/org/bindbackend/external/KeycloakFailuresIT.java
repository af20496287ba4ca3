package org.bindbackend.external;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.KeycloakServer;
import org.bindbackend.testing.PayaraMicroServer;
import org.bindbackend.testing.Scrape;
import org.bindbackend.testing.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What an operator sees when the backend and a real Keycloak do not fit together: each nested class is one
 * configuration mistake (or an outage) with a backend of its own, otherwise the working configuration of
 * {@link ExternalSettings}. Every failure must be a page that names what to fix, with a status that says whose fault
 * it is (never 500), no stack trace, and no session.
 *
 * <p>The outage stops the shared Keycloak, so it runs last and always starts Keycloak again.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class KeycloakFailuresIT {

    static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() throws Exception {
        keycloak = KeycloakServer.shared();
    }

    /** A backend started once for the nested class's configuration, on a port known before it starts. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class WithBackend {

        BackendServer backend;

        /** The settings for a backend that will listen on {@code port}. */
        abstract Map<String, String> settings(int port) throws Exception;

        @BeforeAll
        void startBackend() throws Exception {
            int port = PayaraMicroServer.freePort();
            backend = BackendServer.start(port, settings(port), Map.of());
        }

        @AfterAll
        void stopBackend() {
            if (backend != null) {
                backend.close();
            }
        }
    }

    /** The backend does not trust the CA of Keycloak's certificate: it must say so and name oidc.ca-file. */
    abstract static class UntrustedProvider extends WithBackend {

        @Test
        void loginEndsInA502NamingTheCaFileSettingAndTheLogSaysWhy() throws Exception {
            BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
            Evidence evidence = Evidence.from(backend);
            HttpResponse<String> page = KeycloakLogin.backendAnswer(browser, backend.uri("/login"));
            String seen = evidence.of(page);

            FailurePages.assertReadable(page, 502, "certificate could not be validated", seen);
            assertTrue(page.body().contains("oidc.ca-file"), seen);
            FailurePages.assertNoSession(browser, backend, seen);
            String log = evidence.log();
            assertTrue(log.contains(keycloak.issuer().toString()), "the log does not name the provider's URL: " + seen);
            assertTrue(log.contains("PKIX"), "the log does not say why the certificate was refused: " + seen);
        }

        @Test
        void theProviderIsReportedDownTheReplicaStaysReadyAndTheLogSaysWhy() throws Exception {
            ProviderHealth.assertProviderDownReplicaReady(backend, Duration.ofSeconds(10), "");
            assertTrue(backend.log().contains("certificate could not be validated"), backend.log());
            Scrape metrics = Scrape.of(backend.uri("/"));
            assertEquals(0, metrics.value("bind_provider_up"), metrics.toString());
            assertTrue(metrics.value("bind_provider_fetches_total", "document", "discovery", "result",
                    "untrusted_certificate") > 0, metrics.toString());
            assertEquals(0, metrics.value("bind_provider_fetches_total", "result", "ok"));
        }
    }

    @Nested
    @Order(1)
    class WithoutCaFile extends UntrustedProvider {

        @Override
        Map<String, String> settings(int port) {
            return ExternalSettings.of(keycloak).without("oidc.ca-file").map();
        }
    }

    @Nested
    @Order(2)
    class WithTheWrongCaInTheCaFile extends UntrustedProvider {

        @Override
        Map<String, String> settings(int port) throws Exception {
            return ExternalSettings.of(keycloak).with("oidc.ca-file", TestCertificates.unrelatedCaPem().toString()).map();
        }
    }

    @Nested
    @Order(3)
    class WithAWrongClientSecret extends WithBackend {

        @Override
        Map<String, String> settings(int port) {
            return ExternalSettings.of(keycloak).with("oidc.issuer-client-secret", "not-the-client-secret").map();
        }

        @Test
        void theCallbackIsA502SayingTheProviderRefusedTheCodeExchange() throws Exception {
            BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
            Evidence evidence = Evidence.from(backend);
            HttpResponse<String> callback = KeycloakLogin.logIn(browser, keycloak, backend.uri("/login"), RealmUser.ALICE);
            String seen = evidence.of(callback);

            FailurePages.assertReadable(callback, 502, "Login failed", seen);
            assertTrue(callback.body().contains("the provider refused to exchange the authorization code"), seen);
            FailurePages.assertNoSession(browser, backend, seen);
            // The page sends the operator to the server log for Keycloak's answer: it must be there.
            assertTrue(evidence.log().contains("unauthorized_client"), "Keycloak's answer is not in the log: " + seen);
        }
    }

    /**
     * The backend's external-url is {@code http://localhost:<port>}, so its redirect URI is not the realm's
     * {@code http://127.0.0.1/api/callback} (Keycloak matches any port on a loopback IP, RFC 8252 §7.3, but not the
     * name {@code localhost}): Keycloak itself refuses the login before anyone logs in.
     */
    @Nested
    @Order(4)
    class WithARedirectUriKeycloakRefuses extends WithBackend {

        @Override
        Map<String, String> settings(int port) {
            return ExternalSettings.of(keycloak).with("external-url", "http://localhost:" + port).map();
        }

        @Test
        void keycloakSaysTheRedirectUriIsInvalidAndNoSessionIsMade() throws Exception {
            BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
            HttpResponse<String> page = browser.follow(URI.create("http://localhost:" + backend.port() + "/login"));
            String seen = page.statusCode() + " from " + page.uri() + "\n" + page.body();

            assertEquals(keycloak.port(), page.uri().getPort(), "not Keycloak's page: " + seen);
            assertTrue(page.body().contains("Invalid parameter: redirect_uri"), seen);
            assertTrue(browser.cookie("kube-bind").isEmpty(), "a session cookie was set: " + seen);
        }
    }

    /**
     * {@code oidc.issuer-url} spells Keycloak's host {@code localhost} (its certificate covers that name, so TLS
     * succeeds), while Keycloak names itself {@code https://127.0.0.1:<port>/realms/bind}: discovery names another
     * issuer than the one configured (OpenID Connect Discovery 1.0, §4.3).
     */
    @Nested
    @Order(5)
    class WithAnIssuerUrlKeycloakDoesNotCallItself extends WithBackend {

        @Override
        Map<String, String> settings(int port) {
            return ExternalSettings.of(keycloak)
                    .with("oidc.issuer-url", "https://localhost:" + keycloak.port() + "/realms/" + KeycloakServer.REALM).map();
        }

        @Test
        void loginEndsInA502NamingTheIssuerSetting() throws Exception {
            BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
            Evidence evidence = Evidence.from(backend);
            HttpResponse<String> page = KeycloakLogin.backendAnswer(browser, backend.uri("/login"));
            String seen = evidence.of(page);

            FailurePages.assertReadable(page, 502, "oidc.issuer-url", seen);
            assertTrue(page.body().contains(keycloak.issuer().toString()), "the page does not say which issuer Keycloak named: " + seen);
            FailurePages.assertNoSession(browser, backend, seen);
        }

        @Test
        void theProviderIsReportedDownTheReplicaStaysReadyAndTheLogNamesTheIssuerSetting() throws Exception {
            ProviderHealth.assertProviderDownReplicaReady(backend, Duration.ofSeconds(10), "");
            assertTrue(backend.log().contains("oidc.issuer-url"), backend.log());
        }
    }

    /** The working configuration: wrong use by a person, then Keycloak going away and coming back. */
    @Nested
    @Order(6)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class WithTheWorkingConfiguration extends WithBackend {

        /** The backend's 2 s without a new reachability probe, and time for one probe to fail. */
        private static final Duration PROBE_WINDOW_AND_MARGIN = Duration.ofSeconds(5);

        @Override
        Map<String, String> settings(int port) {
            return ExternalSettings.of(keycloak).map();
        }

        /**
         * The backend is opened as {@code http://localhost:<port>} while its external-url is
         * {@code http://127.0.0.1:<port>}. Keycloak sends the browser back to the configured redirect URI only, so the
         * callback arrives at the configured URL but without the login's session (its cookie belongs to
         * {@code localhost}): the backend must refuse it readably. A callback arriving at another URL than configured
         * (the backend's "callback mismatch") cannot be provoked through Keycloak, which redirects to registered URIs
         * only and refuses {@code localhost}; the embedded provider's tests can reach that case.
         */
        @Test
        @Order(1)
        void aLoginStartedAtAnotherHostNameIsRefusedWithoutSession() throws Exception {
            BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
            Evidence evidence = Evidence.from(backend);
            HttpResponse<String> callback = KeycloakLogin.logIn(browser, keycloak,
                    URI.create("http://localhost:" + backend.port() + "/login"), RealmUser.ALICE);
            String seen = evidence.of(callback);

            assertEquals(backend.uri(KeycloakLogin.CALLBACK_PATH).getAuthority(), callback.uri().getAuthority(), seen);
            assertEquals(KeycloakLogin.CALLBACK_PATH, callback.uri().getPath(), seen);
            FailurePages.assertReadable(callback, 400, "Login failed", seen);
            assertTrue(callback.body().contains("no login is in progress in this browser"), seen);
            FailurePages.assertNoSession(browser, backend, seen);
        }

        /**
         * Keycloak stops: a login is a 503 page, the provider's health says so at once while the replica stays ready;
         * Keycloak comes back: the same backend, not restarted, notices within seconds and logs in. Both halves run
         * and report even when the first fails, and Keycloak is started again whatever happens.
         */
        @Test
        @Order(2)
        void whenKeycloakIsDownLoginIsUnavailableAndAfterItComesBackLoginWorks() throws Exception {
            assertAliceLogsIn();

            assertAll(this::stopKeycloakAndAssertLoginIsUnavailable, this::assertReadyAndLoggingInAgain);
        }

        private void stopKeycloakAndAssertLoginIsUnavailable() throws Exception {
            keycloak.stop();
            try {
                Evidence evidence = Evidence.from(backend);
                // A login within 2 s of the last successful probe is not probed again (ProviderClient.REACHABLE_FOR),
                // and Keycloak can stop faster than that: until then the backend still sends browsers to it.
                long deadline = System.nanoTime() + PROBE_WINDOW_AND_MARGIN.toNanos();
                BrowserlessLogin browser = KeycloakLogin.browser(keycloak);
                HttpResponse<String> page = KeycloakLogin.backendAnswer(browser, backend.uri("/login"));
                while (page.statusCode() == 302 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    browser = KeycloakLogin.browser(keycloak);
                    page = KeycloakLogin.backendAnswer(browser, backend.uri("/login"));
                }
                String seen = evidence.of(page);
                FailurePages.assertReadable(page, 503, "cannot be reached", seen);
                FailurePages.assertNoSession(browser, backend, seen);
                ProviderHealth.assertProviderDownReplicaReady(backend, Duration.ofSeconds(1), seen);
                assertTrue(evidence.log().contains(keycloak.issuer().toString()), "the log names the provider: " + seen);
                Scrape metrics = Scrape.of(backend.uri("/"));
                assertEquals(0, metrics.value("bind_provider_up"), metrics.toString());
                assertTrue(metrics.value("bind_provider_fetches_total", "document", "discovery", "result",
                        "unreachable") > 0, metrics.toString());
            } finally {
                keycloak.start();
            }
        }

        private void assertReadyAndLoggingInAgain() throws Exception {
            HttpResponse<String> up = ProviderHealth.awaitProvider(backend, 200, Duration.ofSeconds(20));
            assertEquals(200, up.statusCode(), up.body());
            Scrape metrics = Scrape.of(backend.uri("/"));
            assertEquals(1, metrics.value("bind_provider_up"), metrics.toString());
            assertTrue(metrics.value("bind_provider_last_success_age_seconds") < 30, metrics.toString());
            assertTrue(metrics.value("bind_provider_fetches_total", "document", "jwks", "result", "ok") > 0);
            assertAliceLogsIn();
        }

        private void assertAliceLogsIn() throws Exception {
            KeycloakLogin.assertLogsIn(KeycloakLogin.browser(keycloak), keycloak, backend, RealmUser.ALICE);
        }
    }
}
