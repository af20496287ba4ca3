package org.bindbackend.api;

import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.answer.ApiError;
import org.bindbackend.answer.JsonErrors;
import org.bindbackend.logs.Logs;
import org.bindbackend.shared.Causes;
import org.bindbackend.text.DefusedThrowable;

/**
 * Every exception an API resource lets escape becomes the JSON error: a client's mistake keeps its 4xx status,
 * anything else is logged and answered {@code INTERNAL_ERROR} without a stack trace.
 */
@Provider
public class UnhandledErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logs.of(UnhandledErrors.class);

    @Override
    public Response toResponse(Throwable thrown) {
        ApiError error;
        if (thrown instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            error = new ApiError(status, ApiError.codeFor(status), web.getResponse().getStatusInfo().getReasonPhrase(), "");
        } else if (unreadableBody(thrown)) {
            error = new ApiError(400, ApiError.Code.BAD_REQUEST, "The request body cannot be read",
                    "send a JSON object, or a form (application/x-www-form-urlencoded)");
        } else {
            LOG.log(Level.SEVERE, "An API request failed", DefusedThrowable.of(thrown));
            error = new ApiError(500, ApiError.Code.INTERNAL_ERROR, "The request failed", "The server log has the details.");
        }
        return JsonErrors.response(error);
    }

    /**
     * A body the JSON provider could not read: empty (JAX-RS 3.1 §4.2.4 {@link NoContentException}), or not JSON
     * ({@link JsonException}), however the JAX-RS implementation wraps it.
     */
    private static boolean unreadableBody(Throwable thrown) {
        return Causes.any(thrown, cause -> cause instanceof NoContentException || cause instanceof JsonException);
    }
}
