package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.bindbackend.answer.Answers;
import org.bindbackend.http.Route;
import org.bindbackend.login.LoginOutcome;
import org.bindbackend.login.LoginRefusals;
import org.bindbackend.login.Logins;

/**
 * {@code GET /api/callback}: the redirect URI. The container's mechanism has already exchanged the code when a
 * login gets here; {@link Logins} verifies the result and issues the backend's session; this servlet only hands
 * over what the container received and answers the browser: a redirect with the cookies, or why the login failed.
 */
@WebServlet(Route.CALLBACK_PATH)
public class CallbackServlet extends HttpServlet {

    @Inject
    transient Logins logins;

    @Inject
    transient OpenIdContext openIdContext;

    @Inject
    transient LoginRefusals refusals;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            LoginOutcome outcome = logins.complete(request, request.getUserPrincipal() == null ? null
                    : openIdContext.getIdentityToken().getToken());
            outcome.setCookies().forEach(cookie -> response.addHeader("Set-Cookie", cookie));
            if (outcome instanceof LoginOutcome.Completed completed) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", completed.location());
            } else if (outcome instanceof LoginOutcome.Refused refused) {
                refusals.refused(request, refused.refusal());
                Answers.send(request, response, Route.CALLBACK, refused.refusal().failure());
            }
        } finally {
            endContainerSession(request);
        }
    }

    /** The container's session carried the login ceremony only; the backend's cookie is the session from now on. */
    private static void endContainerSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
