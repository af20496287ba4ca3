package org.bindbackend.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the JSON error responses of the API. */
final class Errors {

    private Errors() {
    }

    static Response response(ApiError error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error.toJson()).build();
    }
}
