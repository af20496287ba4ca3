package org.bindbackend.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bindbackend.text.UntrustedText;

/**
 * The HTTP client this backend's own code uses to reach the OpenID Provider, trusting the server's trusted CAs (the
 * JVM's default trust store, which Payara points at its own) plus those of {@code oidc.ca-file}. Every answer is
 * bounded in time and size.
 */
public final class ProviderHttp {

    /** The longest a call to the provider may take, from connecting to the last byte of the answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** The largest answer read from the provider: discovery documents and key sets are a few kilobytes. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    private final SSLContext sslContext;
    private final HttpClient client;

    public ProviderHttp(Optional<Path> caFile) {
        this.sslContext = caFile.map(ProviderHttp::trusting).orElseGet(ProviderHttp::defaultContext);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(sslContext)
                .build();
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    /** GETs a JSON document; a status other than 200 is a {@link ProviderException}. */
    public String getJson(URI uri) throws ProviderException {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET().build());
        if (response.statusCode() != 200) {
            throw new ProviderException(ProviderException.Kind.BAD_RESPONSE, uri, "answered HTTP " + response.statusCode(), null);
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /**
     * Sends {@code request} and reads the answer whole, within {@link #TIMEOUT} in all and up to
     * {@link #MAX_BODY_BYTES}: a provider that is slow, endless or silent costs a login, never a thread or memory.
     */
    public HttpResponse<byte[]> send(HttpRequest request) throws ProviderException {
        URI uri = request.uri();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(
                HttpRequest.newBuilder(request, (name, value) -> true).timeout(TIMEOUT).build(),
                info -> new LimitedBody(MAX_BODY_BYTES));
        try {
            return exchange.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new ProviderException(ProviderException.Kind.UNREACHABLE, uri,
                    "did not answer within " + TIMEOUT.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LimitedBody.TooLarge tooLarge) {
                throw new ProviderException(ProviderException.Kind.BAD_RESPONSE, uri, "answered " + tooLarge.getMessage(), e);
            }
            if (e.getCause() instanceof IOException io) {
                throw ProviderException.from(uri, io);
            }
            throw new ProviderException(ProviderException.Kind.UNREACHABLE, uri, "failed: "
                    + UntrustedText.forLog(String.valueOf(e.getCause())), e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.UNREACHABLE, uri, "the request was interrupted", e);
        }
    }

    /** An SSL context that trusts the server's trusted CAs and every certificate in the PEM file. */
    static SSLContext trusting(Path pemFile) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore(pemFile));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the CA certificates of " + pemFile + ": " + e.getMessage(), e);
        }
    }

    /** A trust store with the server's trusted CAs and every certificate of the PEM file. */
    private static KeyStore trustStore(Path pemFile) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            int index = 0;
            for (var manager : defaults.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (var issuer : x509.getAcceptedIssuers()) {
                        store.setCertificateEntry("jdk-" + index++, issuer);
                    }
                }
            }
            try (InputStream in = Files.newInputStream(pemFile)) {
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca-file-" + index++, certificate);
                }
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the CA certificates of " + pemFile + ": " + e.getMessage(), e);
        }
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM has no default TLS context", e);
        }
    }
}
