package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bindbackend.auth.SessionCookie;
import org.bindbackend.config.BackendSettings;

/**
 * {@code POST /api/logout}: the browser forgets its session cookie. A form post (the home page's button) is sent
 * home; a program gets 204. The cookie is SameSite=Lax, so another site cannot post here on the user's behalf.
 */
@WebServlet("/api/logout")
public class LogoutServlet extends HttpServlet {

    @Inject
    BackendSettings backendSettings;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.addCookie(SessionCookie.cleared(backendSettings.get()));
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/html")) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + ReturnPath.HOME);
        } else {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        }
    }
}
