package org.bindbackend.auth;

/** A login that must not create a session, with the reason the user is shown. */
public class LoginFailedException extends Exception {

    /** Why, which decides the HTTP status of the page. */
    public enum Reason {
        /** The provider's tokens did not pass verification: 502, the provider (or someone in between) misbehaved. */
        ID_TOKEN_REJECTED(502),
        /** The provider answered the authorization request with an error (OIDC Core 3.1.2.6): 400. */
        PROVIDER_ERROR(400),
        /** The user declined, or the provider refused them ({@code access_denied}): 403. */
        ACCESS_DENIED(403),
        /** The user is not in the allowed users or groups: 403. */
        NOT_ALLOWED(403),
        /** The callback does not belong to a login started in this browser: 400. */
        NO_LOGIN_IN_PROGRESS(400),
        /** The callback arrived on another URL than {@code oidc.callback-url}: 400, the user must use the right URL. */
        CALLBACK_MISMATCH(400),
        /** The provider refused the code exchange: 502, a configuration problem between backend and provider. */
        CODE_EXCHANGE_FAILED(502);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Reason reason;
    private final String logDetail;

    /** @param message what the user is told, and the log too: this backend's words, and no secret */
    public LoginFailedException(Reason reason, String message) {
        this(reason, message, "");
    }

    /** @param logDetail what the log says besides the message, already made safe to log ({@code UntrustedText}) */
    public LoginFailedException(Reason reason, String message, String logDetail) {
        super(message);
        this.reason = reason;
        this.logDetail = logDetail;
    }

    /** The line the log gets for this refusal. */
    public String logLine() {
        return "Login refused (" + reason + "): " + getMessage() + logDetail;
    }

    public Reason reason() {
        return reason;
    }

    public int status() {
        return reason.status();
    }
}
