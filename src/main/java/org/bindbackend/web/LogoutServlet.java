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
import org.bindbackend.logs.AuditEvent;
import org.bindbackend.logs.AuditTrail;
import org.bindbackend.logs.Logs;
import org.bindbackend.session.Sessions;
import org.bindbackend.text.UntrustedText;

/**
 * {@code POST /api/logout}: ends the caller's session (cookie or bearer token); {@code POST /api/logout-everywhere}
 * ends every session and CLI token of the caller's user issued until now. Either is refused from then on by every
 * replica, and the browser forgets the cookie. A browser is sent home, or with {@code oidc.end-provider-session=true} on to the
 * provider's end-session endpoint (OpenID Connect RP-Initiated Logout 1.0 §2); a program gets 204.
 *
 * <p>Cross-site requests cannot log a user out: the cookie is SameSite=Lax, and a request whose {@code Origin} is
 * another site is refused.
 */
@WebServlet({LogoutServlet.PATH, LogoutServlet.EVERYWHERE_PATH})
public class LogoutServlet extends HttpServlet {

    static final String PATH = "/api/logout";
    static final String EVERYWHERE_PATH = "/api/logout-everywhere";
    private static final Logger LOG = Logs.of(LogoutServlet.class);

    @Inject
    BackendSettings backendSettings;

    @Inject
    Sessions sessions;

    @Inject
    ProviderLogout providerLogout;

    @Inject
    AuditTrail audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Settings settings = backendSettings.get();
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals(settings.externalUrl().toString())) {
            Answers.send(request, response, Route.of(request),
                    Failure.crossSiteLogout(origin, settings.externalUrl().toString()));
            return;
        }
        boolean everywhere = request.getServletPath().equals(EVERYWHERE_PATH);
        sessions.authenticate(request).session().ifPresent(session -> {
            if (everywhere) {
                sessions.endEverywhere(session);
            } else {
                sessions.end(session);
            }
            audit.record(AuditEvent.of("logout", request).user(session.identity().subject(),
                    session.identity().username()).with("kind", everywhere ? "everywhere" : "here").result("success"));
            LOG.log(Level.FINE, "{0} of {1} ended by logout", new Object[] {everywhere ? "Every session" : "Session",
                    UntrustedText.forLog(session.identity().subject())});
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
