package org.bindbackend.issuer;

/** The error codes this provider sends, each with the HTTP status that goes with it. */
enum OAuthError {

    /** RFC 6749 §4.1.2.1 and §5.2: a parameter is missing, repeated, unsupported or malformed. */
    INVALID_REQUEST("invalid_request", 400),
    /** RFC 6749 §5.2: client authentication failed. */
    INVALID_CLIENT("invalid_client", 401),
    /** RFC 6749 §5.2: the code or refresh token is invalid, expired, used or issued to another client. */
    INVALID_GRANT("invalid_grant", 400),
    /** RFC 6749 §5.2: the grant type is not one this provider supports. */
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    /** RFC 6749 §4.1.2.1 and §5.2: the scope is invalid or exceeds what was granted. */
    INVALID_SCOPE("invalid_scope", 400),
    /** RFC 6749 §4.1.2.1: only the code response type is supported. */
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400),
    /** OIDC Core 3.1.2.6: {@code prompt=none} but the end-user must log in. */
    LOGIN_REQUIRED("login_required", 400),
    /** OIDC Core 3.1.2.6: the {@code request} parameter is not supported. */
    REQUEST_NOT_SUPPORTED("request_not_supported", 400),
    /** OIDC Core 3.1.2.6: the {@code request_uri} parameter is not supported. */
    REQUEST_URI_NOT_SUPPORTED("request_uri_not_supported", 400),
    /** RFC 6750 §3.1: the access token is unknown, expired or revoked. */
    INVALID_TOKEN("invalid_token", 401);

    private final String code;
    private final int status;

    OAuthError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The value of the {@code error} parameter. */
    String code() {
        return code;
    }

    /** The HTTP status an error response with this code carries. */
    int status() {
        return status;
    }
}
