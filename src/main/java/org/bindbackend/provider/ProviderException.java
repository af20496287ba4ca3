package org.bindbackend.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.bindbackend.shared.Causes;
import org.bindbackend.text.UntrustedText;

/** The OpenID Provider could not be used: unreachable, untrusted, or it answered something unusable. */
public class ProviderException extends Exception {

    /** What went wrong, which decides the status and the advice shown to the user. */
    public enum Kind {
        /** No connection, a timeout: 503, try again later. */
        UNREACHABLE(503),
        /** The provider's TLS certificate is not trusted: 502, set {@code oidc.ca-file}. */
        UNTRUSTED_CERTIFICATE(502),
        /** The provider answered, but not with what OpenID Connect requires: 502. */
        BAD_RESPONSE(502);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final URI uri;

    /**
     * @param uri    the configured issuer's, or an endpoint of the provider's checked discovery document (a URL holds
     *               no control character, and {@code ProviderMetadata} bounds its length)
     * @param reason this backend's words; anything from outside in it already defused ({@link UntrustedText})
     */
    public ProviderException(Kind kind, URI uri, String reason, Throwable cause) {
        super(uri + " " + reason, cause);
        this.kind = kind;
        this.uri = uri;
    }

    static ProviderException from(URI uri, IOException e) {
        if (e instanceof SSLException) {
            return new ProviderException(Kind.UNTRUSTED_CERTIFICATE, uri,
                    "could not be reached over TLS: its certificate could not be validated ("
                            + UntrustedText.forLog(e.getMessage()) + ")", e);
        }
        if (e instanceof ConnectException || e instanceof HttpTimeoutException) {
            return new ProviderException(Kind.UNREACHABLE, uri, "is unreachable (" + e.getClass().getSimpleName() + ")", e);
        }
        return new ProviderException(Kind.UNREACHABLE, uri, "failed: " + UntrustedText.forLog(e.toString()), e);
    }

    /**
     * What kind of provider failure an exception is, wherever it was raised (this backend's client, or the
     * container's own OpenID Connect client), or empty when the provider is not to blame. Only failures of a
     * connection count: a server throws other IOExceptions for a client's malformed request or a missing file.
     */
    public static Optional<Kind> kindOf(Throwable thrown) {
        for (Throwable cause : Causes.of(thrown).toList()) {
            if (cause instanceof ProviderException provider) {
                return Optional.of(provider.kind());
            }
            if (cause instanceof SSLException || cause instanceof CertificateException) {
                return Optional.of(Kind.UNTRUSTED_CERTIFICATE);
            }
            if (cause instanceof SocketException || cause instanceof SocketTimeoutException
                    || cause instanceof HttpTimeoutException || cause instanceof UnknownHostException) {
                return Optional.of(Kind.UNREACHABLE);
            }
        }
        return Optional.empty();
    }

    public Kind kind() {
        return kind;
    }

    public URI uri() {
        return uri;
    }
}
