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
import org.bindbackend.auth.Identity;
import org.bindbackend.auth.IssuedSession;
import org.bindbackend.auth.LoginIntent;
import org.bindbackend.auth.SessionTokens;
import org.bindbackend.config.Settings;
import org.bindbackend.auth.LoginCompletion;
import org.bindbackend.auth.LoginFailedException;
import org.bindbackend.auth.LoginFailedException.Reason;
import org.bindbackend.auth.SessionCookie;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.config.BackendSettings;

/**
 * {@code GET /api/callback}: the redirect URI. The container's mechanism has already checked {@code state} and
 * exchanged the code when this runs; here the backend verifies the ID token itself, applies the allow-lists,
 * replaces the container's login session by its own session and finishes what the login was for
 * ({@link LoginIntent}): a page with a cookie, or the kube-bind CLI's redirect with a token.
 */
@WebServlet("/api/callback")
public class CallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(CallbackServlet.class.getName());

    @Inject
    BackendSettings backendSettings;

    @Inject
    LoginCompletion loginCompletion;

    @Inject
    OpenIdContext openIdContext;

    @Inject
    SessionTokens sessionTokens;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Identity identity = verifiedIdentity(request);
            LoginIntent intent = intent(request);
            endContainerSession(request);
            Settings settings = backendSettings.get();
            IssuedSession issued = sessionTokens.issue(identity, intent.clusterId());
            if (intent.usesCookie()) {
                response.addCookie(SessionCookie.create(issued.token(), settings));
            }
            LOG.log(Level.FINE, "Session issued to {0} for a {1} login", new Object[] {identity.subject(), intent.kind()});
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", intent.redirect(issued, settings.sessions().tokenExpiry().toSeconds()));
        } catch (LoginFailedException e) {
            endContainerSession(request);
            LOG.log(Level.WARNING, "Login refused ({0}): {1}", new Object[] {e.reason(), e.getMessage()});
            Pages.loginFailed(response, e.status(), e.getMessage());
        } catch (ProviderException e) {
            endContainerSession(request);
            LOG.log(Level.WARNING, "Login failed: the provider could not be used: {0}", e.getMessage());
            Pages.providerFailure(response, e);
        }
    }

    private Identity verifiedIdentity(HttpServletRequest request) throws LoginFailedException, ProviderException {
        String error = request.getParameter("error");
        if (error != null) {
            // OIDC Core 3.1.2.6 (RFC 6749 §4.1.2.1): the provider refused the authorization request.
            String description = request.getParameter("error_description");
            LOG.log(Level.WARNING, "Login failed: the provider answered error={0} ({1})", new Object[] {error, description});
            Reason reason = "access_denied".equals(error) ? Reason.ACCESS_DENIED : Reason.PROVIDER_ERROR;
            throw new LoginFailedException(reason, "the provider answered \"" + error + "\""
                    + (description == null || description.isBlank() ? "" : ": " + description));
        }
        if (request.getUserPrincipal() == null) {
            throw new LoginFailedException(Reason.NO_LOGIN_IN_PROGRESS,
                    "this address receives the provider's answer to a login started here, and none is in progress");
        }
        return loginCompletion.verify(openIdContext.getIdentityToken().getToken());
    }

    private static LoginIntent intent(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(LoginIntent.ATTRIBUTE) instanceof LoginIntent intent) {
            return intent;
        }
        return LoginIntent.page(ReturnPath.HOME);
    }

    /** The container's session carried the login ceremony only; the backend's cookie is the session from now on. */
    private static void endContainerSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
