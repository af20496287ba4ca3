package org.bindbackend.issuer;

/**
 * A refused request: the error code (with its HTTP status) and a description for the client
 * developer. Descriptions are fixed texts, never echoed input, and stay within the characters
 * RFC 6749 §5.2 allows in {@code error_description}. {@link ErrorReplies} turns it into a response.
 */
class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final OAuthError error;

    /** A refusal with {@code error} and the human-readable {@code description}. */
    OAuthException(OAuthError error, String description) {
        super(description);
        this.error = error;
    }

    /** The error code. */
    OAuthError error() {
        return error;
    }

    /** The error description. */
    String description() {
        return getMessage();
    }
}
