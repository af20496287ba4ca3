package org.bindbackend.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.text.HtmlText;

/** The pages a browser sees when a login cannot go on: always a reason and a way forward, never a stack trace. */
final class Pages {

    private Pages() {
    }

    static void loginFailed(HttpServletResponse response, int status, String reason) throws IOException {
        Html.write(response, status, "Login failed",
                "<p class=\"reason\">Login failed: " + HtmlText.escape(reason) + ".</p>"
                        + "<p>No session was created.</p><p><a class=\"button\" href=\"/login\">Try again</a></p>");
    }

    static void providerFailure(HttpServletResponse response, ProviderException e) throws IOException {
        Failure failure = Failure.of(e);
        Html.write(response, failure.status(), failure.title(),
                "<p class=\"reason\">" + HtmlText.escape(failure.message()) + "</p>"
                        + "<p class=\"muted\">The server log names the URL and the cause.</p>"
                        + "<p><a class=\"button\" href=\"/login\">Try again</a></p>");
    }

    static void notConfigured(HttpServletResponse response) throws IOException {
        Html.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Not configured",
                "<p class=\"reason\">This backend's settings are invalid, so it serves nothing but its health "
                        + "endpoints.</p><p class=\"muted\">The server log names each setting to fix.</p>");
    }

    static void error(HttpServletResponse response, Failure failure) throws IOException {
        Html.write(response, failure.status(), failure.title(), "<p class=\"reason\">" + HtmlText.escape(failure.message())
                + "</p><p><a class=\"button\" href=\"/\">Home</a></p>");
    }
}
