package org.bindbackend.answer;

import java.io.IOException;
import java.util.Optional;
import org.bindbackend.config.NotConfiguredException;
import org.bindbackend.provider.ProviderException;
import org.bindbackend.shared.Causes;

/**
 * What a caller is told about a failure, the one map from each failure to its answer: a status, a title, a message
 * that says what happened and what to do, a hint under it, and the way forward a page offers. {@link Answers}
 * sends it as a page or as a JSON error. Causes found deep in an exception chain (TLS trust, an unreachable
 * provider) are recognised whichever HTTP client raised them.
 */
public record Failure(int status, String title, String message, String hint, Next next) {

    /** The link a page offers after the failure. */
    public enum Next {
        HOME,
        LOG_IN_AGAIN,
        NONE
    }

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
    public static Failure of(Throwable thrown, int status) {
        for (Throwable cause : Causes.of(thrown).toList()) {
            if (cause instanceof NotConfiguredException) {
                return notConfigured();
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

    /** The settings are invalid: nothing but health is served until they are fixed. */
    public static Failure notConfigured() {
        return new Failure(503, "Not configured", "This backend's settings are invalid, so it serves nothing but its "
                + "health endpoints.", "The server log names each setting to fix.", Next.NONE);
    }

    /** A login refused for {@code reason}, said as "Login failed: reason." */
    public static Failure loginFailed(int status, String reason) {
        return new Failure(status, "Login failed", "Login failed: " + reason + ".", "No session was created.",
                Next.LOG_IN_AGAIN);
    }

    /** A login whose {@code return} parameter is not a short local path. */
    public static Failure badReturnPath(int maxLength) {
        return new Failure(400, "Login refused", "The return parameter must be a path on this backend of at most "
                + maxLength + " characters, such as /.", "", Next.LOG_IN_AGAIN);
    }

    /**
     * A login whose {@code parameter} would make a login cookie larger than browsers keep: {@code why} says how
     * large.
     */
    public static Failure oversizedLogin(String parameter, String why) {
        return new Failure(400, "Login refused", "The " + parameter + " parameter is too long: " + why + ".",
                "Use a shorter one.", Next.HOME);
    }

    /** A logout posted from another site (its {@code Origin} is not this backend's). */
    public static Failure crossSiteLogout(String origin, String expected) {
        return new Failure(403, "Cross-site logout refused", "Origin " + origin + " is not " + expected + ".", "",
                Next.HOME);
    }

    /** A query string that is not valid percent-encoding. */
    public static Failure malformedQuery() {
        return new Failure(400, "Bad request", "The query string is not valid percent-encoding (RFC 3986 section "
                + "2.1).", "", Next.HOME);
    }

    /** A request under the embedded provider's path while the backend logs in at an external one. */
    public static Failure noEmbeddedProvider(String issuer) {
        return new Failure(404, "No embedded provider", "oidc.type is external: log in at " + issuer + ".", "",
                Next.HOME);
    }

    /** A provider failure raised by this backend's own client. */
    public static Failure of(ProviderException e) {
        return of(e.kind(), e);
    }

    /** What a bare status means to the user. */
    public static Failure forStatus(int status) {
        return switch (status) {
            case 400 -> plain(400, "Bad request", "The request is malformed.");
            case 401 -> plain(401, "Not logged in", "Log in first.");
            case 403 -> plain(403, "Forbidden", "You may not use this.");
            case 404 -> plain(404, "Not found", "There is nothing at this address.");
            case 405 -> plain(405, "Method not allowed", "This address does not accept that method.");
            default -> status >= 500 ? internal() : plain(status, "Request failed", "The request failed.");
        };
    }

    private static Failure of(ProviderException.Kind kind, Throwable thrown) {
        return switch (kind) {
            case UNTRUSTED_CERTIFICATE -> providerFailure(kind, "Login failed", UNTRUSTED);
            case UNREACHABLE -> providerFailure(kind, "Login unavailable", UNREACHABLE);
            case BAD_RESPONSE -> providerFailure(kind, "Login failed",
                    "The OpenID Provider's answer could not be used: " + providerMessage(thrown));
        };
    }

    private static String providerMessage(Throwable thrown) {
        return Causes.find(thrown, ProviderException.class).map(ProviderException::getMessage)
                .orElse("see the server log");
    }

    /** The JSON error of the kube-bind API that says the same. */
    ApiError toApiError() {
        return new ApiError(status, ApiError.codeFor(status), title, message);
    }

    private static Failure providerFailure(ProviderException.Kind kind, String title, String message) {
        return new Failure(kind.status(), title, message, "The server log names the URL and the cause.",
                Next.LOG_IN_AGAIN);
    }

    public static Failure internal() {
        return plain(500, "Something went wrong", "The backend failed to answer this request. "
                + "The server log has the details.");
    }

    private static Failure plain(int status, String title, String message) {
        return new Failure(status, title, message, "", Next.HOME);
    }
}
