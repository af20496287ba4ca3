package org.bindbackend.login;

/**
 * Unwinds a check deep in the login (the ID token's verification, the identity's claims) to the entry point that
 * turns it back into its {@link LoginRefusal}. Its message is what the user is told.
 */
final class LoginRefusedException extends Exception {

    private final LoginRefusal refusal;

    LoginRefusedException(LoginRefusal.Reason reason, String message) {
        this(reason, message, "");
    }

    /** @param logDetail what the log says besides the message, already made safe to log */
    LoginRefusedException(LoginRefusal.Reason reason, String message, String logDetail) {
        super(message);
        this.refusal = LoginRefusal.of(reason, message, logDetail);
    }

    LoginRefusedException(LoginRefusal refusal) {
        super(refusal.failure().message());
        this.refusal = refusal;
    }

    LoginRefusal refusal() {
        return refusal;
    }

    LoginRefusal.Reason reason() {
        return refusal.reason();
    }
}
