package org.bindbackend.auth.provider;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * Makes the container's own HTTP clients trust {@code oidc.ca-file} too. The OpenID Connect mechanism calls the
 * provider with two clients: a JAX-RS client (discovery, token, userinfo) that builds its TLS context from the
 * {@code javax.net.ssl.trustStore} properties, and a JWKS fetcher on {@link HttpsURLConnection}'s default socket
 * factory. Both are JVM-wide; this is the one place the backend changes them, once, at start.
 */
public final class ContainerTrust {

    private static final Logger LOG = Logger.getLogger(ContainerTrust.class.getName());

    private ContainerTrust() {
    }

    /** Trusts the server's trusted CAs plus those in {@code caFile} for every TLS client in this JVM that uses the defaults. */
    public static void trust(Path caFile) {
        SSLContext context = ProviderHttp.trusting(caFile);
        KeyStore store = ProviderHttp.trustStore(caFile);
        try {
            String password = randomPassword();
            Path file = Files.createTempFile("bind-backend-truststore-", ".p12",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            System.setProperty("javax.net.ssl.trustStore", file.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", password);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
            LOG.info("Calls to the OpenID Provider trust the server's trusted CAs and those of oidc.ca-file " + caFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot install the CA certificates of " + caFile + ": " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
