package org.bindbackend.answer;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes every JSON error the backend answers outside its embedded provider, from a servlet or from JAX-RS alike:
 * the kube-bind body ({@link ApiError}), never cached (RFC 9111 §5.2.2.5), and on a 401 the RFC 6750 challenge
 * ({@link BearerChallenge}). The headers are decided here once, for both.
 */
public final class JsonErrors {

    private static final String MEDIA_TYPE = "application/json";

    private JsonErrors() {
    }

    /** Writes {@code error} to a servlet's response; a 401 gets the bare challenge. */
    public static void write(HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        headers(error, BearerChallenge.none()).forEach(response::setHeader);
        response.getWriter().write(error.toJson().toString());
    }

    /** {@code error} as a JAX-RS response; a 401 gets the bare challenge. */
    public static Response response(ApiError error) {
        return response(error, BearerChallenge.none());
    }

    /** {@code error} as a JAX-RS response; a 401 gets {@code challenge} ({@link BearerChallenge}). */
    public static Response response(ApiError error, String challenge) {
        Response.ResponseBuilder response = Response.status(error.status()).entity(error.toJson().toString());
        headers(error, challenge).forEach(response::header);
        return response.build();
    }

    private static Map<String, String> headers(ApiError error, String challenge) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", MEDIA_TYPE);
        headers.put("Cache-Control", "no-store");
        if (error.status() == HttpServletResponse.SC_UNAUTHORIZED) {
            headers.put(BearerChallenge.HEADER, challenge);
        }
        return headers;
    }
}
