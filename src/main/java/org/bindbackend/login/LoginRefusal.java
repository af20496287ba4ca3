package org.bindbackend.login;

import java.util.Locale;
import java.util.Optional;
import org.bindbackend.answer.Failure;
import org.bindbackend.http.Cookies;
import org.bindbackend.provider.ProviderException;
import org.bindbackend.session.Identity;
import org.bindbackend.shared.Causes;
import org.bindbackend.text.UntrustedText;

/**
 * A login that must not create a session, as a value: why ({@link Reason}, a code the log, the page and the JSON
 * error share), the line the log gets, and what the caller is told ({@link Failure}). The decorator of the
 * container's mechanism and the callback both hand it to {@code answer.Answers}, the one place that renders it.
 *
 * @param reason  why
 * @param logLine the whole line the log gets: this backend's words, anything from outside already defused
 * @param failure what the page or the JSON error says
 * @param user    who was refused, when the provider vouched for them (a user the allow-lists do not admit)
 */
public record LoginRefusal(Reason reason, String logLine, Failure failure, Optional<Identity> user) {

    LoginRefusal(Reason reason, String logLine, Failure failure) {
        this(reason, logLine, failure, Optional.empty());
    }

    /** The same refusal, of {@code identity}. */
    LoginRefusal of(Identity identity) {
        return new LoginRefusal(reason, logLine, failure, Optional.of(identity));
    }

    /** Why a login was refused, which also decides the answer's status. */
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
        /** The callback of a login whose answer was already received (a login cookie is good for one): 400. */
        CALLBACK_REPLAYED(400),
        /** The callback arrived on another URL than {@code oidc.callback-url}: 400, the user must use the right URL. */
        CALLBACK_MISMATCH(400),
        /** The provider refused the code exchange, or the server's client refused its tokens: 502. */
        CODE_EXCHANGE_FAILED(502),
        /** The provider could not be reached: 503, try again later. */
        PROVIDER_UNREACHABLE(503),
        /** The provider's TLS certificate is not trusted: 502, set {@code oidc.ca-file}. */
        PROVIDER_UNTRUSTED(502),
        /** The provider answered something OpenID Connect does not allow: 502. */
        PROVIDER_BAD_RESPONSE(502),
        /** The session's cookie would be larger than browsers keep (the provider's claims): 502. */
        SESSION_TOO_LARGE(502),
        /** The backend's settings are invalid: 503, nothing to log in to. */
        NOT_CONFIGURED(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** The code as logs, pages and metrics write it: {@code not_allowed}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A refusal the user is told in this backend's words, "Login failed: {@code message}." */
    public static LoginRefusal of(Reason reason, String message) {
        return of(reason, message, "");
    }

    /** @param logDetail what the log says besides the message, already made safe to log ({@code UntrustedText}) */
    public static LoginRefusal of(Reason reason, String message, String logDetail) {
        return new LoginRefusal(reason, "Login refused (" + reason.code() + "): " + message + logDetail,
                Failure.loginFailed(reason.status(), message));
    }

    /** The provider could not be used for a login (discovery, keys or the code exchange). */
    public static LoginRefusal providerFailure(Throwable thrown, ProviderException.Kind kind, String issuer, String path) {
        Reason reason = switch (kind) {
            case UNREACHABLE -> Reason.PROVIDER_UNREACHABLE;
            case UNTRUSTED_CERTIFICATE -> Reason.PROVIDER_UNTRUSTED;
            case BAD_RESPONSE -> Reason.PROVIDER_BAD_RESPONSE;
        };
        Throwable root = Causes.root(thrown);
        return new LoginRefusal(reason, "Login refused (" + reason.code() + "): the OpenID Provider " + issuer
                + " could not be used for " + UntrustedText.forLog(path) + ": "
                + UntrustedText.forLog(root.getClass().getSimpleName() + ": " + root.getMessage()),
                Failure.of(thrown, kind.status()));
    }

    /**
     * A session whose cookie would take {@code bytes}, more than a browser keeps ({@code Cookies.MAX_BYTES}): the
     * browser would drop it and the user would find themself not logged in, with no reason given.
     */
    public static LoginRefusal sessionTooLarge(int bytes) {
        return of(Reason.SESSION_TOO_LARGE, "your session would take " + bytes + " bytes, more than the "
                + Cookies.MAX_BYTES + " a browser keeps in a cookie (the provider sent many or long groups, or a long "
                + "name or email): an administrator can have the provider send fewer groups, and the kube-bind CLI, "
                + "whose token is no cookie, can still log in");
    }

    public int status() {
        return reason.status();
    }
}
