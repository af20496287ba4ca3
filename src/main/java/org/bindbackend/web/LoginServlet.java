package org.bindbackend.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /login[?return=/path]}: remembers where to go afterwards (a local path only) and hands the browser
 * to the container's OpenID Connect login through {@link LoginStartServlet}.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    /** The HTTP session attribute that carries the return path across the provider round trip. */
    public static final String RETURN_ATTRIBUTE = "bind.login.return";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> returnPath = ReturnPath.local(request.getParameter("return"));
        if (returnPath.isEmpty()) {
            Html.write(response, HttpServletResponse.SC_BAD_REQUEST, "Login refused",
                    "<p class=\"reason\">The <code>return</code> parameter must be a path on this backend, "
                            + "such as <code>/</code>.</p><p><a class=\"button\" href=\"/login\">Log in</a></p>");
            return;
        }
        request.getSession(true).setAttribute(RETURN_ATTRIBUTE, returnPath.get());
        response.sendRedirect(request.getContextPath() + LoginStartServlet.PATH);
    }
}
