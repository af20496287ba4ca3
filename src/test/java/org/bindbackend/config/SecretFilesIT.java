package org.bindbackend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.bindbackend.keys.TestKeys;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.HostileProvider;
import org.bindbackend.testing.PayaraMicroServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets as mounted files (a Kubernetes or Docker secret), named by environment variables, on a real server:
 * the client secret reaches a provider that checks it, the session signing key signs the session, and a file that
 * cannot be read is one invalid setting.
 */
class SecretFilesIT {

    @Test
    void theClientSecretAndTheSessionKeyComeFromFiles(@TempDir Path dir) throws Exception {
        Path clientSecret = Files.writeString(dir.resolve("oidc-client-secret"), HostileProvider.CLIENT_SECRET + "\n");
        Path signingKey = Files.writeString(dir.resolve("session-signing-key"), TestKeys.SHARED_KEY + "\n");
        try (HostileProvider provider = HostileProvider.start();
                BackendServer server = BackendServer.start(PayaraMicroServer.freePort(), withoutSecret(provider),
                        Map.of("OIDC_ISSUER_CLIENT_SECRET_FILE", clientSecret.toString(),
                                "SESSION_SIGNING_KEY_FILE", signingKey.toString()))) {
            BrowserlessLogin browser = new BrowserlessLogin();
            HttpResponse<String> answer = browser.get(server.uri("/login"));
            for (int hops = 0; BrowserlessLogin.isRedirect(answer) && !answer.uri().getPath().equals("/api/callback")
                    && hops < 10; hops++) {
                answer = browser.get(BrowserlessLogin.location(answer));
            }
            assertEquals(303, answer.statusCode(), "the provider took the secret from the file: " + server.log());
            String session = browser.cookie("kube-bind").orElseThrow();
            TestKeys.keys(TestSettings.external("session-signing-key", TestKeys.SHARED_KEY)).hmac("sessions")
                    .verify(session, builder -> builder.setSkipDefaultAudienceValidation(), Instant.now());
            String log = server.everythingWritten();
            assertFalse(log.contains(HostileProvider.CLIENT_SECRET) || log.contains(TestKeys.SHARED_KEY),
                    "a secret in the log");
        }
    }

    @Test
    void aSecretFileThatCannotBeReadIsOneInvalidSetting(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("not-mounted");
        try (HostileProvider provider = HostileProvider.start();
                BackendServer server = BackendServer.start(PayaraMicroServer.freePort(), withoutSecret(provider),
                        Map.of("OIDC_ISSUER_CLIENT_SECRET_FILE", missing.toString()))) {
            String log = server.log();
            assertTrue(log.contains("Invalid setting oidc.issuer-client-secret-file (flag --oidc-issuer-client-secret-file, "
                    + "env OIDC_ISSUER_CLIENT_SECRET_FILE): \"" + missing + "\" cannot be read (NoSuchFileException)"), log);
            assertEquals(503, new BrowserlessLogin().client().send(HttpRequest.newBuilder(server.uri("/health/ready"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    private static Map<String, String> withoutSecret(HostileProvider provider) {
        Map<String, String> settings = new HashMap<>(provider.backendSettings());
        settings.remove("oidc.issuer-client-secret");
        settings.put("v", "0");
        return settings;
    }
}
