package org.bindbackend.web;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.answer.Answers;
import org.bindbackend.answer.Failure;
import org.bindbackend.http.Route;
import org.bindbackend.login.LoginRefusal;
import org.bindbackend.login.LoginRefusals;
import org.bindbackend.logs.Logs;
import org.bindbackend.text.DefusedThrowable;
import org.bindbackend.text.UntrustedText;

/**
 * The error page of every error the container raises itself (web.xml): an exception that escaped a servlet or a
 * filter, or a bare status (a path nothing serves, a method a servlet does not take, Open Liberty's own OpenID
 * Connect client refusing an answer at the callback). Each becomes a readable page for browsers or the JSON error
 * for API callers ({@code answer.Answers}), with a status that says whose fault it was. Logins the backend refuses
 * never come here: they are answered where they are refused.
 */
@WebServlet(ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/error";
    private static final Logger LOG = Logs.of(ErrorPageServlet.class);

    @Inject
    transient LoginRefusals refusals;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Throwable thrown = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        Route route = Route.ofRequestUri(uri);
        Answers.send(request, response, route, failure(request, thrown, status, uri, route));
    }

    /** What went wrong: a refusal by the server's own OpenID Connect client, or the cause thrown. */
    private Failure failure(HttpServletRequest request, Throwable thrown, int status, String uri, Route route) {
        if ((status == 401 || status == 403) && route == Route.CALLBACK) {
            // Open Liberty's own client answers some refused answers with a 401 or 403 of its own.
            refusals.refused(request, LoginRefusal.of(LoginRefusal.Reason.CODE_EXCHANGE_FAILED, "the server's OpenID Connect "
                    + "client refused the provider's answer with " + (thrown == null ? "HTTP " + status
                            : thrown.getClass().getName())));
            return Failure.loginFailed(status, "the server's OpenID Connect client refused the provider's answer "
                    + "(the server log has the details)");
        }
        Failure failure = Failure.of(thrown, status);
        if (thrown != null && failure.status() >= 500) {
            LOG.log(Level.SEVERE, "Request " + UntrustedText.forLog(uri) + " failed: " + failure.message(),
                    DefusedThrowable.of(thrown));
        } else if (thrown != null) {
            // The client's mistake or the provider's, said on the page: a line without the stack is enough.
            LOG.log(Level.FINE, "Request {0} refused: {1}", new Object[] {UntrustedText.forLog(uri), failure.message()});
        }
        return failure;
    }
}
