package org.bindbackend.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bindbackend.api.ApiError;
import org.bindbackend.api.BearerChallenge;
import org.bindbackend.http.Route;

/** Tells programs from browsers: API paths and JSON-only callers get JSON errors, browsers get pages. */
final class JsonCaller {

    private JsonCaller() {
    }

    static boolean wants(HttpServletRequest request, Route route) {
        String accept = request.getHeader("Accept");
        return route == Route.API || accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    /** A browser navigating or posting a form asks for HTML first. */
    static boolean isBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }

    static void write(HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        if (error.status() == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader(BearerChallenge.HEADER, BearerChallenge.none());
        }
        response.getWriter().write(error.toJson().toString());
    }
}
