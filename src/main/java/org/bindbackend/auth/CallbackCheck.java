package org.bindbackend.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.bindbackend.auth.LoginFailedException.Reason;

/**
 * What the callback request looked like before the container's mechanism handled it, so that a refusal can be
 * explained: no login in this browser, a state that is not this browser's, a callback on another URL than
 * configured, or a failed code exchange. It reads only the request and whether a session value equals the
 * returned {@code state} (the one {@link #remember} kept), never the container's internals.
 */
record CallbackCheck(boolean loginInProgress, boolean stateKnown, String arrivedAt, URI configured) {

    private static final String STATE_ATTRIBUTE = CallbackCheck.class.getName() + ".state";

    /**
     * After the container started a login: keeps the {@code state} it sent the browser to the provider with, in the
     * session that carries the login. Containers keep it in their own form (Payara as is, Open Liberty as a hash).
     */
    static void remember(HttpServletRequest request, HttpServletResponse response) {
        String location = response.getHeader("Location");
        HttpSession session = request.getSession(false);
        if (location == null || session == null) {
            return;
        }
        String query;
        try {
            query = URI.create(location).getRawQuery();
        } catch (IllegalArgumentException notAUri) {
            return;
        }
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (parameter.startsWith("state=")) {
                session.setAttribute(STATE_ATTRIBUTE, URLDecoder.decode(parameter.substring(6), StandardCharsets.UTF_8));
            }
        }
    }

    static CallbackCheck before(HttpServletRequest request, URI configured) {
        HttpSession session = request.getSession(false);
        String state = request.getParameter("state");
        boolean stateKnown = session != null && Collections.list(session.getAttributeNames()).stream()
                .anyMatch(name -> state.equals(String.valueOf(session.getAttribute(name))));
        return new CallbackCheck(session != null, stateKnown, request.getRequestURL().toString(), configured);
    }

    /** Why the mechanism refused the callback without saying so. */
    LoginFailedException failure() {
        if (!arrivedAt.equals(configured.toString())) {
            return new LoginFailedException(Reason.CALLBACK_MISMATCH, "the provider's answer arrived at " + arrivedAt
                    + ", but oidc.callback-url is " + configured + ": open the backend at its external-url");
        }
        if (!loginInProgress) {
            return new LoginFailedException(Reason.NO_LOGIN_IN_PROGRESS, "no login is in progress in this browser: "
                    + "it was already completed, it expired, or it was started in another browser");
        }
        if (!stateKnown) {
            return new LoginFailedException(Reason.NO_LOGIN_IN_PROGRESS, "the provider's answer does not belong to the "
                    + "login started in this browser (its state is unknown or was tampered with)");
        }
        return new LoginFailedException(Reason.CODE_EXCHANGE_FAILED, "the provider refused to exchange the "
                + "authorization code for tokens, or the server's OpenID Connect client refused the tokens (a wrong "
                + "client secret or client id is the usual cause; the server log has the details)");
    }

    /** Why the mechanism threw on the callback. */
    LoginFailedException failure(RuntimeException thrown) {
        if (!loginInProgress || !stateKnown) {
            return failure();
        }
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new LoginFailedException(Reason.ID_TOKEN_REJECTED, "the provider's tokens failed the checks of "
                + "the server's OpenID Connect client (" + root.getClass().getSimpleName() + ")");
    }
}
