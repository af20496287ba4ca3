package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.auth.CompletedLogin;
import org.bindbackend.auth.LoginCompletion;
import org.bindbackend.auth.LoginFailedException;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.http.Route;

/**
 * {@code GET /api/callback}: the redirect URI. The container's mechanism has already exchanged the code when a
 * login gets here; {@link LoginCompletion} verifies the result and issues the backend's session; this servlet
 * only hands over what the container received and answers the browser: a redirect with the cookies, or a page
 * saying why the login failed.
 */
@WebServlet(Route.CALLBACK_PATH)
public class CallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(CallbackServlet.class.getName());

    @Inject
    transient LoginCompletion loginCompletion;

    @Inject
    transient OpenIdContext openIdContext;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            CompletedLogin login = loginCompletion.complete(request, request.getUserPrincipal() == null ? null
                    : openIdContext.getIdentityToken().getToken());
            login.setCookies().forEach(cookie -> response.addHeader("Set-Cookie", cookie));
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", login.location());
        } catch (LoginFailedException e) {
            LOG.warning(e.logLine());
            response.addHeader("Set-Cookie", loginCompletion.clearLoginCookie());
            Answers.send(request, response, Route.CALLBACK, Failure.loginFailed(e.status(), e.getMessage()));
        } catch (ProviderException e) {
            response.addHeader("Set-Cookie", loginCompletion.clearLoginCookie());
            LOG.log(Level.WARNING, "Login failed: the provider could not be used: {0}", e.getMessage());
            Answers.send(request, response, Route.CALLBACK, Failure.of(e));
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
