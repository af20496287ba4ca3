package org.bindbackend.bench.floor;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The floor's one protected page, for any logged-in caller ({@code **}, Servlet 6.0 §13.8.1): a browser that has
 * no session is sent to the provider, and comes back here with the code.
 */
@WebServlet(FloorPage.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class FloorPage extends HttpServlet {

    static final String PATH = "/api/callback";
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().write("hello " + request.getUserPrincipal().getName());
    }
}
