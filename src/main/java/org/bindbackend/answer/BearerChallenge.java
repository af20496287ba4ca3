package org.bindbackend.answer;

/**
 * The {@code WWW-Authenticate} challenge of every 401 the backend answers outside its embedded provider (RFC 6750
 * §3): written here only, for the API's filter and for the web layer's JSON errors alike.
 */
public final class BearerChallenge {

    public static final String HEADER = "WWW-Authenticate";

    private BearerChallenge() {
    }

    /** No credentials came with the request: the bare challenge, without an error code (RFC 6750 §3.1). */
    public static String none() {
        return "Bearer";
    }

    /**
     * A token came and was refused: {@code invalid_token} with a description, its quotes and backslashes replaced so
     * that the quoted-string stays one (RFC 6750 §3: {@code error_description} holds no {@code "} or {@code \}).
     */
    public static String invalidToken(String description) {
        return "Bearer error=\"invalid_token\", error_description=\""
                + description.replace('"', '\'').replace('\\', '/') + "\"";
    }
}
