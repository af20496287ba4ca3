package org.bindbackend.web;

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

    /** Classifies a failure that reached the error page (mostly from the OpenID Connect mechanism). */
    static Failure of(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotConfiguredException) {
                return new Failure(503, "Not configured", cause.getMessage());
            }
        }
        return ProviderException.kindOf(thrown).map(kind -> of(kind, thrown)).orElseGet(Failure::internal);
    }

    private static Failure of(ProviderException.Kind kind, Throwable thrown) {
        return switch (kind) {
            case UNTRUSTED_CERTIFICATE -> new Failure(kind.status(), "Login failed", UNTRUSTED);
            case UNREACHABLE -> new Failure(kind.status(), "Login unavailable", UNREACHABLE);
            case BAD_RESPONSE -> new Failure(kind.status(), "Login failed",
                    "The OpenID Provider's answer could not be used: " + providerMessage(thrown));
        };
    }

    private static String providerMessage(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderException provider) {
                return provider.getMessage();
            }
        }
        return "see the server log";
    }

    static Failure internal() {
        return new Failure(500, "Something went wrong", "The backend failed to answer this request. "
                + "The server log has the details.");
    }
}
