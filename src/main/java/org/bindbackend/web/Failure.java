package org.bindbackend.web;

import java.io.IOException;
import java.util.Optional;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.config.NotConfiguredException;
import org.bindbackend.shared.Causes;

/**
 * What a user is told about a failure: a status, a title and a message that says what to do. Causes found deep in
 * an exception chain (TLS trust, an unreachable provider) are recognised whichever HTTP client raised them.
 */
record Failure(int status, String title, String message) {

    static final String UNTRUSTED = "The OpenID Provider's TLS certificate could not be validated. "
            + "Set oidc.ca-file to a PEM file with the CA that signed it.";
    static final String UNREACHABLE = "The OpenID Provider cannot be reached right now. Try again in a moment.";
    /**
     * Open Liberty refuses a request URI with an encoded dot, an encoded slash or a backslash by throwing an
     * IOException with this message id: the client's mistake.
     */
    private static final String LIBERTY_MALFORMED_URI = "CWWWC0005I";

    /**
     * Classifies a failure that reached the error page: {@code thrown} (null when the container only set a status)
     * and the status the container answered with.
     */
    static Failure of(Throwable thrown, int status) {
        for (Throwable cause : Causes.of(thrown).toList()) {
            if (cause instanceof NotConfiguredException) {
                return new Failure(503, "Not configured", cause.getMessage());
            }
            if (cause instanceof IOException io && io.getMessage() != null
                    && io.getMessage().startsWith(LIBERTY_MALFORMED_URI)) {
                return forStatus(400);
            }
        }
        Optional<ProviderException.Kind> kind = thrown == null ? Optional.empty() : ProviderException.kindOf(thrown);
        if (kind.isPresent()) {
            return of(kind.get(), thrown);
        }
        return status >= 400 && status < 500 || thrown == null ? forStatus(status) : internal();
    }

    /** A provider failure raised by this backend's own client. */
    static Failure of(ProviderException e) {
        return of(e.kind(), e);
    }

    /** What a bare status means to the user. */
    static Failure forStatus(int status) {
        return switch (status) {
            case 400 -> new Failure(400, "Bad request", "The request is malformed.");
            case 401 -> new Failure(401, "Not logged in", "Log in first.");
            case 403 -> new Failure(403, "Forbidden", "You may not use this.");
            case 404 -> new Failure(404, "Not found", "There is nothing at this address.");
            case 405 -> new Failure(405, "Method not allowed", "This address does not accept that method.");
            default -> status >= 500 ? internal() : new Failure(status, "Request failed", "The request failed.");
        };
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
        return Causes.find(thrown, ProviderException.class).map(ProviderException::getMessage)
                .orElse("see the server log");
    }

    static Failure internal() {
        return new Failure(500, "Something went wrong", "The backend failed to answer this request. "
                + "The server log has the details.");
    }
}
