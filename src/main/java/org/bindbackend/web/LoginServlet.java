package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.bindbackend.auth.LoginIntent;
import org.bindbackend.auth.LoginStart;
import org.bindbackend.auth.ReturnPath;
import org.bindbackend.http.Route;

/**
 * {@code GET /login[?return=/path]}: starts a browser login that returns to a local path only ({@link LoginStart}).
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    @Inject
    transient LoginStart loginStart;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> returnPath = ReturnPath.local(request.getParameter("return"));
        if (returnPath.isEmpty()) {
            Answers.send(request, response, Route.of(request), Failure.badReturnPath(ReturnPath.MAX_LENGTH));
            return;
        }
        LoginStart.Redirect start = loginStart.begin(LoginIntent.page(returnPath.get()));
        response.addHeader("Set-Cookie", start.setCookie());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + start.path());
    }
}
