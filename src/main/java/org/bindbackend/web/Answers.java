package org.bindbackend.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bindbackend.api.ApiError;
import org.bindbackend.http.Route;

/**
 * Sends a {@link Failure} the way its caller reads it: a JSON error (the kube-bind API's shape) to programs and to
 * everything under {@code /api}, a page to browsers. Every failure the web layer answers goes through here.
 */
final class Answers {

    private Answers() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, Route route, Failure failure)
            throws IOException {
        if (JsonCaller.wants(request, route)) {
            JsonCaller.write(response, new ApiError(failure.status(), ApiError.codeFor(failure.status()),
                    failure.title(), failure.message()));
        } else {
            Pages.failure(response, failure);
        }
    }
}
