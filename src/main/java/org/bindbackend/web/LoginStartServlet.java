package org.bindbackend.web;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bindbackend.http.Route;

/**
 * The one URL the container protects ({@code **}: any authenticated caller, Servlet 6.0 §13.8.1): requesting it
 * unauthenticated makes the OpenID Connect mechanism redirect to the provider. The login ends at the callback,
 * which never comes back here; a browser that does arrive here is sent home.
 */
@WebServlet(Route.LOGIN_START_PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class LoginStartServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + Route.HOME_PATH);
    }
}
