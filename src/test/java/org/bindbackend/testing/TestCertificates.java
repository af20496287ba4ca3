package org.bindbackend.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away certificate authority and a server certificate for {@code 127.0.0.1} and {@code localhost} signed by
 * it, so that tests run the OpenID provider over real https and the backend has to trust a CA of its own
 * ({@code oidc.ca-file}) rather than the JDK's. Made with the JDK's {@code keytool} alone, so the tests need neither
 * BouncyCastle nor openssl; the files live in a temporary directory removed when the JVM exits.
 */
public final class TestCertificates {

    private static final String PASSWORD = "test-keystore-password";
    private static final String VALIDITY_DAYS = "30";

    private final Path caPem;
    private final Path serverKeyStore;

    private TestCertificates(Path caPem, Path serverKeyStore) {
        this.caPem = caPem;
        this.serverKeyStore = serverKeyStore;
    }

    /** Makes a new CA and a server certificate (SAN {@code ip:127.0.0.1,dns:localhost}) signed by it. */
    public static TestCertificates create() throws IOException, InterruptedException {
        Path directory = temporaryDirectory();
        Path caPem = createCa(directory, "Bind Test CA");
        Path serverKeyStore = directory.resolve("server.p12");
        Path request = directory.resolve("server.csr");
        Path signed = directory.resolve("server.pem");
        deleteOnExit(serverKeyStore, request, signed);
        keytool(directory, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=127.0.0.1", "-validity", VALIDITY_DAYS,
                "-keystore", serverKeyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool(directory, "-certreq", "-alias", "server", "-keystore", serverKeyStore.toString(),
                "-storepass", PASSWORD, "-file", request.toString());
        keytool(directory, "-gencert", "-alias", "ca", "-keystore", directory.resolve("ca.p12").toString(),
                "-storepass", PASSWORD, "-infile", request.toString(), "-outfile", signed.toString(), "-rfc",
                "-validity", VALIDITY_DAYS, "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth");
        // keytool installs a signed reply only when it can build the chain to a certificate it already trusts:
        // import the CA, install the reply (the entry keeps the whole chain), then drop the CA entry again.
        keytool(directory, "-importcert", "-alias", "ca", "-keystore", serverKeyStore.toString(),
                "-storepass", PASSWORD, "-file", caPem.toString(), "-noprompt");
        keytool(directory, "-importcert", "-alias", "server", "-keystore", serverKeyStore.toString(),
                "-storepass", PASSWORD, "-file", signed.toString(), "-noprompt");
        keytool(directory, "-delete", "-alias", "ca", "-keystore", serverKeyStore.toString(), "-storepass", PASSWORD);
        return new TestCertificates(caPem, serverKeyStore);
    }

    /** A PEM file with a CA that signed nothing here: "the wrong CA", for tests that must fail the TLS handshake. */
    public static Path unrelatedCaPem() throws IOException, InterruptedException {
        return createCa(temporaryDirectory(), "Unrelated Test CA");
    }

    /** An {@link SSLContext} that trusts only the CA in this PEM file, not the JDK's default ones. */
    public static SSLContext trusting(Path caPem) throws IOException {
        try (InputStream in = Files.newInputStream(caPem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust " + caPem, e);
        }
    }

    /** The CA certificate, PEM: what the backend's {@code oidc.ca-file} points at. */
    public Path caPemFile() {
        return caPem;
    }

    /** The server's key and certificate chain (PKCS12), for the https server. */
    public Path serverKeyStore() {
        return serverKeyStore;
    }

    public String serverKeyStorePassword() {
        return PASSWORD;
    }

    /** An {@link SSLContext} trusting only this CA, for test HTTP clients. */
    public SSLContext sslContext() throws IOException {
        return trusting(caPem);
    }

    /** Makes a self-signed CA ({@code ca.p12}, alias {@code ca}) in the directory; returns its certificate as PEM. */
    private static Path createCa(Path directory, String name) throws IOException, InterruptedException {
        Path keyStore = directory.resolve("ca.p12");
        Path pem = directory.resolve("ca.pem");
        deleteOnExit(keyStore, pem);
        keytool(directory, "-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=" + name, "-ext", "bc:c", "-validity", VALIDITY_DAYS,
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool(directory, "-exportcert", "-rfc", "-alias", "ca", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD, "-file", pem.toString());
        return pem;
    }

    private static void keytool(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + arguments[0] + " failed (" + process.exitValue() + "):\n" + output);
        }
    }

    private static Path temporaryDirectory() throws IOException {
        Path directory = Files.createTempDirectory("bind-test-certificates-");
        directory.toFile().deleteOnExit();
        return directory;
    }

    /** Registered after their directory, so deleted before it. */
    private static void deleteOnExit(Path... files) {
        for (Path file : files) {
            file.toFile().deleteOnExit();
        }
    }
}
