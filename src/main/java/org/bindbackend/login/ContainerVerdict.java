package org.bindbackend.login;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletResponse;

/** What the container's OpenID Connect mechanism decided about a callback, the same on every server. */
final class ContainerVerdict {

    private ContainerVerdict() {
    }

    /**
     * Whether it refused the callback. Payara answers {@code SEND_FAILURE}; Open Liberty answers
     * {@code SEND_CONTINUE} with a 401 and no redirect (so that its security collaborator does not let the request
     * through), or {@code NOT_DONE} when the browser brought no session with the login's state.
     */
    static boolean refused(AuthenticationStatus status, HttpServletResponse response) {
        return switch (status) {
            case SUCCESS -> false;
            case SEND_CONTINUE -> response.getHeader("Location") == null;
            case SEND_FAILURE, NOT_DONE -> true;
        };
    }
}
