package org.bindbackend.login;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.bindbackend.login.LoginRefusal.Reason;
import org.bindbackend.shared.Causes;
import org.bindbackend.text.UntrustedText;

/**
 * The provider's answer at the callback, checked against this browser's login ({@link LoginTransaction}) before
 * the container exchanges its code: it must arrive at the configured redirect URI, in a browser with a login in
 * progress, and carry the {@code state} that login was sent with (RFC 6749 §10.12). When the container refuses
 * an answer that passed, the check also says why in words a user can act on.
 */
record CallbackCheck(boolean loginInProgress, boolean stateKnown, String arrivedAt, URI configured) {

    static final String NO_LOGIN_IN_PROGRESS = "no login is in progress in this browser: it was already completed, "
            + "it expired, or it was started in another browser";

    static CallbackCheck of(HttpServletRequest request, Optional<LoginTransaction> login, URI configured) {
        String state = request.getParameter("state");
        return new CallbackCheck(login.isPresent(), login.filter(l -> l.answers(state)).isPresent(),
                request.getRequestURL().toString(), configured);
    }

    /** Why the answer may not go on to the container: the first check it failed; empty when it passed. */
    Optional<LoginRefusal> refusal() {
        if (!arrivedAt.equals(configured.toString())) {
            return Optional.of(LoginRefusal.of(Reason.CALLBACK_MISMATCH, "the provider's answer arrived at "
                    + UntrustedText.forLog(arrivedAt) + ", but oidc.callback-url is " + configured
                    + ": open the backend at its external-url"));
        }
        if (!loginInProgress) {
            return Optional.of(LoginRefusal.of(Reason.NO_LOGIN_IN_PROGRESS, NO_LOGIN_IN_PROGRESS));
        }
        if (!stateKnown) {
            return Optional.of(LoginRefusal.of(Reason.NO_LOGIN_IN_PROGRESS, "the provider's answer does not belong to "
                    + "the login started in this browser (its state is missing, unknown or was tampered with)"));
        }
        return Optional.empty();
    }

    /** The answer of a login whose cookie was already used at a callback ({@link AnsweredLogins}). */
    static LoginRefusal replayed() {
        return LoginRefusal.of(Reason.CALLBACK_REPLAYED, "this login's answer was already received here (a login "
                + "is good for one callback only, so this one was replayed)");
    }

    /**
     * The container found no login of its own in this browser to match the answer with: its cookie or session for
     * the login is missing (a callback forged or replayed without it, or a browser that dropped it). Open Liberty
     * then does nothing; Payara throws a {@code NoSuchElementException} looking up the login's original request.
     */
    static LoginRefusal containerHasNoLogin(String detail) {
        return LoginRefusal.of(Reason.NO_LOGIN_IN_PROGRESS, "the server's OpenID Connect client has no login in "
                + "progress in this browser (its own cookie or session for the login is missing)", detail);
    }

    /** The container refused an answer that passed, without saying why. */
    static LoginRefusal containerRefused() {
        return LoginRefusal.of(Reason.CODE_EXCHANGE_FAILED, "the provider refused to exchange the authorization code "
                + "for tokens, or the server's OpenID Connect client refused the tokens (a wrong client secret or "
                + "client id is the usual cause; the server log has the details)");
    }

    /**
     * Why the container threw on an answer that passed: its OpenID Connect client refused the tokens (a nonce of
     * another login, a signature that does not verify, ...). The page says so in this backend's words; what the
     * container said, naming its own classes, goes to the log only, where the operator needs it.
     */
    static LoginRefusal containerThrew(RuntimeException thrown) {
        Throwable root = Causes.root(thrown);
        String said = "; it said " + UntrustedText.forLog(root.getClass().getSimpleName() + ": " + root.getMessage());
        if (root instanceof NoSuchElementException) {
            return containerHasNoLogin(said);
        }
        return LoginRefusal.of(Reason.CODE_EXCHANGE_FAILED, "the server's OpenID Connect client refused the "
                + "provider's answer", said);
    }
}
