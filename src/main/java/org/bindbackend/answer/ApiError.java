package org.bindbackend.answer;

import jakarta.json.JsonObject;
import org.bindbackend.shared.JsonBuilders;

/**
 * The JSON error body of every API failure, as the kube-bind backend shapes it:
 * {@code {"message": ..., "code": ..., "details": ...}}.
 */
public record ApiError(int status, Code code, String message, String details) {


    /** The kube-bind backend's error codes. */
    public enum Code {
        AUTHENTICATION_FAILED,
        AUTHORIZATION_FAILED,
        BAD_REQUEST,
        RESOURCE_NOT_FOUND,
        SERVICE_UNAVAILABLE,
        BAD_GATEWAY,
        INTERNAL_ERROR
    }

    public JsonObject toJson() {
        return JsonBuilders.object()
                .add("message", message)
                .add("code", code.name())
                .add("details", details == null ? "" : details)
                .build();
    }

    /** The code that fits an HTTP status. */
    public static Code codeFor(int status) {
        return switch (status) {
            case 400 -> Code.BAD_REQUEST;
            case 401 -> Code.AUTHENTICATION_FAILED;
            case 403 -> Code.AUTHORIZATION_FAILED;
            case 404 -> Code.RESOURCE_NOT_FOUND;
            case 502 -> Code.BAD_GATEWAY;
            case 503 -> Code.SERVICE_UNAVAILABLE;
            default -> Code.INTERNAL_ERROR;
        };
    }
}
