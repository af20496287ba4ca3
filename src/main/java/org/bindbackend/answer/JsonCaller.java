package org.bindbackend.answer;

import jakarta.servlet.http.HttpServletRequest;
import org.bindbackend.http.Route;

/** Tells programs from browsers: API paths and JSON-only callers get JSON errors, browsers get pages. */
public final class JsonCaller {

    private JsonCaller() {
    }

    static boolean wants(HttpServletRequest request, Route route) {
        String accept = request.getHeader("Accept");
        return route == Route.API || accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    /** A browser navigating or posting a form asks for HTML first. */
    public static boolean isBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
