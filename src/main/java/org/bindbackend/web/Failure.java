package org.bindbackend.web;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.config.NotConfiguredException;

/**
 * What a user is told about a failure: a status, a title and a message that says what to do. Causes found deep in
 * an exception chain (TLS trust, an unreachable provider) are recognised whichever HTTP client raised them.
 */
record Failure(int status, String title, String message) {

    static final String UNTRUSTED = "The OpenID Provider's TLS certificate could not be validated. "
            + "Set oidc.ca-file to a PEM file with the CA that signed it.";
    static final String UNREACHABLE = "The OpenID Provider cannot be reached right now. Try again in a moment.";

    static Failure of(ProviderException e) {
        return switch (e.kind()) {
            case UNTRUSTED_CERTIFICATE -> new Failure(502, "Login failed", UNTRUSTED);
            case UNREACHABLE -> new Failure(503, "Login unavailable", UNREACHABLE);
            case BAD_RESPONSE -> new Failure(502, "Login failed",
                    "The OpenID Provider's answer could not be used: " + e.getMessage());
        };
    }

    /** Classifies an exception that escaped to the container (mostly from the OpenID Connect mechanism). */
    static Failure of(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderException provider) {
                return of(provider);
            }
            if (cause instanceof NotConfiguredException) {
                return new Failure(503, "Not configured", cause.getMessage());
            }
            if (cause instanceof SSLException || cause instanceof CertificateException) {
                return new Failure(502, "Login failed", UNTRUSTED);
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
                return new Failure(503, "Login unavailable", UNREACHABLE);
            }
        }
        return internal();
    }

    static Failure internal() {
        return new Failure(500, "Something went wrong", "The backend failed to answer this request. "
                + "The server log has the details.");
    }
}
