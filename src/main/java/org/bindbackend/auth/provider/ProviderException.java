package org.bindbackend.auth.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** The OpenID Provider could not be used: unreachable, untrusted, or it answered something unusable. */
public class ProviderException extends Exception {

    /** What went wrong, which decides the status and the advice shown to the user. */
    public enum Kind {
        /** No connection, a timeout: 503, try again later. */
        UNREACHABLE,
        /** The provider's TLS certificate is not trusted: set {@code oidc.ca-file}. */
        UNTRUSTED_CERTIFICATE,
        /** The provider answered, but not with what OpenID Connect requires: 502. */
        BAD_RESPONSE
    }

    private final Kind kind;
    private final URI uri;

    public ProviderException(Kind kind, URI uri, String reason, Throwable cause) {
        super(uri + " " + reason, cause);
        this.kind = kind;
        this.uri = uri;
    }

    static ProviderException from(URI uri, IOException e) {
        if (e instanceof SSLHandshakeException || e instanceof SSLException) {
            return new ProviderException(Kind.UNTRUSTED_CERTIFICATE, uri,
                    "could not be reached over TLS: its certificate could not be validated (" + e.getMessage() + ")", e);
        }
        if (e instanceof ConnectException || e instanceof HttpTimeoutException) {
            return new ProviderException(Kind.UNREACHABLE, uri, "is unreachable (" + e.getClass().getSimpleName() + ")", e);
        }
        return new ProviderException(Kind.UNREACHABLE, uri, "failed: " + e, e);
    }

    /**
     * Whether a failure, wherever it was raised, comes from not reaching the provider or not trusting it: those are
     * answered by the error page with 503 or with the {@code oidc.ca-file} advice.
     */
    public static boolean isConnectivity(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderException || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    public Kind kind() {
        return kind;
    }

    public URI uri() {
        return uri;
    }
}
