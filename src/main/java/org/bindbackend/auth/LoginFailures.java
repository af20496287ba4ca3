package org.bindbackend.auth;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.http.Route;
import org.bindbackend.shared.Causes;
import org.bindbackend.text.UntrustedText;

/**
 * How the login mechanism ends a request it refuses: it logs why, leaves the failure for the application's error
 * page in a request attribute ({@link #ATTRIBUTE}), and answers an error status, which that page renders (the
 * container answers an exception thrown by a mechanism with a bare 500 that skips error pages, so none escapes).
 */
final class LoginFailures {

    /** The request attribute that carries a {@link LoginFailedException}, or another failure, to the error page. */
    static final String ATTRIBUTE = LoginMechanism.class.getName() + ".failure";
    private static final Logger LOG = Logger.getLogger(LoginFailures.class.getName());

    private LoginFailures() {
    }

    /** A login refused for a reason the user is told. */
    static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
            LoginFailedException failure) {
        explain(request, failure);
        return respond(response, failure.status());
    }

    /** Why a login the container has already answered was refused, for the log and the error page. */
    static void explain(HttpServletRequest request, LoginFailedException failure) {
        LOG.warning(failure.logLine());
        request.setAttribute(ATTRIBUTE, failure);
    }

    /** The provider could not be used: the error page answers 502 or 503 with advice. */
    static AuthenticationStatus providerFailure(HttpServletRequest request, HttpServletResponse response,
            String issuer, Exception failure, ProviderException.Kind kind) {
        Throwable root = Causes.root(failure);
        LOG.log(Level.WARNING, "The OpenID Provider " + issuer + " could not be used for "
                + UntrustedText.forLog(Route.routedPath(request)) + ": "
                + UntrustedText.forLog(root.getClass().getSimpleName() + ": " + root.getMessage()));
        LOG.log(Level.FINE, "The provider's failure", failure);
        request.setAttribute(ATTRIBUTE, failure);
        return respond(response, kind.status());
    }

    /** Another failure for the error page, already logged where it arose. */
    static AuthenticationStatus answer(HttpServletRequest request, HttpServletResponse response, int status,
            Exception failure) {
        request.setAttribute(ATTRIBUTE, failure);
        return respond(response, status);
    }

    /**
     * Ends the request with an error status, which the application's error page renders. {@code SEND_CONTINUE}
     * (the response is written, nothing more to do) rather than {@code SEND_FAILURE}: Open Liberty lets a request
     * to an unprotected resource such as the callback go on to its servlet after a {@code SEND_FAILURE}.
     */
    private static AuthenticationStatus respond(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException io) {
            LOG.log(Level.FINE, "The browser went away", io);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
