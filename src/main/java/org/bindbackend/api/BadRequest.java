package org.bindbackend.api;

import org.bindbackend.answer.ApiError;

/** A request the client must change: answered 400 {@code BAD_REQUEST} with the reason. */
final class BadRequest extends Exception {

    private final String details;

    BadRequest(String message, String details) {
        super(message);
        this.details = details;
    }

    ApiError toError() {
        return new ApiError(400, ApiError.Code.BAD_REQUEST, getMessage(), details);
    }
}
