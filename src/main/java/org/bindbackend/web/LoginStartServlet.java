package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.logging.Logger;
import org.bindbackend.http.Route;
import org.bindbackend.logs.Logs;
import org.bindbackend.logs.RepeatedWarnings;

/**
 * The one URL the container protects ({@code **}: any authenticated caller, Servlet 6.0 §13.8.1): requesting it
 * unauthenticated makes the OpenID Connect mechanism redirect to the provider. The login ends at the callback,
 * which never comes back here.
 *
 * <p>A request that does get here was let through by the container without going to the provider: the container
 * still holds an authentication of its own from an earlier login. Open Liberty does, in its single sign-on cookie
 * (LtpaToken2, made when its mechanism registers the session: Jakarta Security 3.0, "Remembering Authentication"),
 * which outlives the callback and the backend's logout. Such a login would end here without a session, so the
 * container's authentication is ended ({@code request.logout()}, after which the container sends the browser to the
 * logout redirect URI of {@code login.ContainerMechanismConfig}: here again) and the login goes on to the provider.
 * A second arrival (a container that keeps its authentication whatever it is told) goes home rather than round in
 * circles.
 */
@WebServlet(Route.LOGIN_START_PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class LoginStartServlet extends HttpServlet {

    private static final Logger LOG = Logs.of(LoginStartServlet.class);

    @Inject
    transient Clock clock;

    /** A browser that keeps the container's cookie after it was ended can come back as often as it likes. */
    private transient RepeatedWarnings warnings;

    @Override
    public void init() {
        warnings = new RepeatedWarnings(LOG, clock);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (request.getParameter(Route.LOGIN_START_AGAIN) != null) {
            warnings.warn("container_kept_authentication", () -> "The server's OpenID Connect mechanism kept an "
                    + "earlier authentication after it was ended, so the login did not go to the provider; the "
                    + "browser is sent home");
            response.sendRedirect(request.getContextPath() + Route.HOME_PATH);
            return;
        }
        LOG.fine("The server's OpenID Connect mechanism still held an earlier authentication; it is ended and the "
                + "login starts again at the provider");
        request.logout(); // the container redirects to its logout redirect URI, the login's start again
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + Route.LOGIN_START_PATH + "?" + Route.LOGIN_START_AGAIN);
        }
    }
}
