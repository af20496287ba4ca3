package org.bindbackend.web;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.auth.LoginIntent;

/**
 * The one URL the container protects ({@code **}: any authenticated caller, Servlet 6.0 §13.8.1): requesting it
 * unauthenticated makes the OpenID Connect mechanism redirect to the provider. The login ends at the callback,
 * which never comes back here; a browser that does arrive here is sent home.
 */
@WebServlet(LoginStartServlet.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class LoginStartServlet extends HttpServlet {

    static final String PATH = "/login/start";
    private static final Logger LOG = Logger.getLogger(LoginStartServlet.class.getName());

    /** Remembers what the login is for; the browser is then sent to the returned path, the container's login. */
    public static String begin(HttpServletRequest request, LoginIntent intent) {
        request.getSession(true).setAttribute(LoginIntent.ATTRIBUTE, intent);
        LOG.log(Level.FINE, "Login started ({0}); the container redirects the browser to the provider", intent.kind());
        return request.getContextPath() + PATH;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + ReturnPath.HOME);
    }
}
