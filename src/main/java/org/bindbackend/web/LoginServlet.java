package org.bindbackend.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.bindbackend.auth.LoginIntent;

/**
 * {@code GET /login[?return=/path]}: remembers where to go afterwards (a local path only) and hands the browser
 * to the container's OpenID Connect login through {@link LoginStartServlet}.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> returnPath = ReturnPath.local(request.getParameter("return"));
        if (returnPath.isEmpty()) {
            Html.write(response, HttpServletResponse.SC_BAD_REQUEST, "Login refused",
                    "<p class=\"reason\">The <code>return</code> parameter must be a path on this backend, "
                            + "such as <code>/</code>.</p><p><a class=\"button\" href=\"/login\">Log in</a></p>");
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", LoginStartServlet.begin(request, LoginIntent.page(returnPath.get())));
    }
}
