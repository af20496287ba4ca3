package org.bindbackend.answer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bindbackend.http.Route;

/**
 * Sends a {@link Failure} the way its caller reads it: a JSON error (the kube-bind API's shape) to programs and to
 * everything under {@code /api}, a page to browsers. Every failure the backend answers outside JAX-RS goes through
 * here: the login mechanism's refusals, the callback's, the error page's and the servlets'.
 */
public final class Answers {

    private Answers() {
    }

    public static void send(HttpServletRequest request, HttpServletResponse response, Route route, Failure failure)
            throws IOException {
        if (JsonCaller.wants(request, route)) {
            JsonErrors.write(response, failure.toApiError());
        } else {
            Pages.failure(response, failure);
        }
    }
}
