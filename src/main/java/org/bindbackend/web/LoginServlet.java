package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.bindbackend.answer.Answers;
import org.bindbackend.answer.Failure;
import org.bindbackend.http.Route;
import org.bindbackend.login.LoginIntent;
import org.bindbackend.login.Logins;
import org.bindbackend.login.OversizedLoginException;
import org.bindbackend.login.ReturnPath;

/**
 * {@code GET /login[?return=/path]}: starts a browser login that returns to a local path only ({@link Logins}); a
 * path that is not local, or too long for the login's cookie, is a 400.
 */
@WebServlet("/login")
public class LoginServlet extends HttpServlet {

    @Inject
    transient Logins logins;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> returnPath = ReturnPath.local(request.getParameter("return"));
        if (returnPath.isEmpty()) {
            Answers.send(request, response, Route.of(request), Failure.badReturnPath(ReturnPath.MAX_LENGTH));
            return;
        }
        Logins.Redirect start;
        try {
            start = logins.begin(LoginIntent.page(returnPath.get()));
        } catch (OversizedLoginException e) {
            Answers.send(request, response, Route.of(request), Failure.oversizedLogin("return", e.getMessage()));
            return;
        }
        response.addHeader("Set-Cookie", start.setCookie());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + start.path());
    }
}
