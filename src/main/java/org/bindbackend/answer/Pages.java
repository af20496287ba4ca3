package org.bindbackend.answer;

import static org.bindbackend.text.HtmlText.escape;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The page a browser sees for a {@link Failure}: always a reason and a way forward, never a stack trace. */
final class Pages {

    private Pages() {
    }

    static void failure(HttpServletResponse response, Failure failure) throws IOException {
        String hint = failure.hint().isEmpty() ? "" : "<p class=\"muted\">" + escape(failure.hint()) + "</p>";
        String next = switch (failure.next()) {
            case HOME -> "<p><a class=\"button\" href=\"/\">Home</a></p>";
            case LOG_IN_AGAIN -> "<p><a class=\"button\" href=\"/login\">Try again</a></p>";
            case NONE -> "";
        };
        HtmlPage.write(response, failure.status(), failure.title(),
                "<p class=\"reason\">" + escape(failure.message()) + "</p>" + hint + next);
    }
}
