package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.answer.Answers;
import org.bindbackend.answer.Failure;
import org.bindbackend.answer.JsonCaller;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.http.Route;
import org.bindbackend.session.Sessions;
import org.bindbackend.text.UntrustedText;

/**
 * {@code POST /api/logout}: ends the caller's session (cookie or bearer token): it is revoked on this replica and
 * the browser forgets the cookie. A browser is sent home, or with {@code oidc.end-provider-session=true} on to the
 * provider's end-session endpoint (OpenID Connect RP-Initiated Logout 1.0 §2); a program gets 204.
 *
 * <p>Cross-site requests cannot log a user out: the cookie is SameSite=Lax, and a request whose {@code Origin} is
 * another site is refused.
 */
@WebServlet("/api/logout")
public class LogoutServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(LogoutServlet.class.getName());

    @Inject
    BackendSettings backendSettings;

    @Inject
    Sessions sessions;

    @Inject
    ProviderLogout providerLogout;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Settings settings = backendSettings.get();
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals(settings.externalUrl().toString())) {
            Answers.send(request, response, Route.of(request),
                    Failure.crossSiteLogout(origin, settings.externalUrl().toString()));
            return;
        }
        sessions.authenticate(request).session().ifPresent(session -> {
            sessions.end(session);
            LOG.log(Level.FINE, "Session of {0} ended by logout", UntrustedText.forLog(session.identity().subject()));
        });
        response.addHeader("Set-Cookie", sessions.clearCookie());
        if (!JsonCaller.isBrowser(request)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", providerLogout.location().orElse(request.getContextPath() + Route.HOME_PATH));
    }
}
