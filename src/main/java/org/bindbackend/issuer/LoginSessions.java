package org.bindbackend.issuer;

import java.util.Optional;

/**
 * The provider's login sessions, as a provider keeps them so that a browser's logout ends the session it logged in
 * with: each login is one session, its id the grant's ({@code sid} in the ID token), remembered with its end-user
 * for as long as its refresh tokens live, and named in the browser by a cookie on the provider's path. The
 * end-session endpoint finds it there when the client sends no {@code id_token_hint} (RP-Initiated Logout 1.0 §2:
 * the provider decides which session ends).
 */
final class LoginSessions {

    static final String COOKIE = "bind-oidc-session";

    private final BoundedExpiringStore<String> subjects;
    private final String cookieAttributes;

    LoginSessions(BoundedExpiringStore<String> subjects, IssuerConfig config) {
        this.subjects = subjects;
        this.cookieAttributes = "; Path=" + config.issuer().getRawPath() + "; HttpOnly; SameSite=Lax"
                + ("https".equals(config.issuer().getScheme()) ? "; Secure" : "");
    }

    /** A login session began: the {@code Set-Cookie} header value that names it in the browser. */
    String began(Grant grant) {
        subjects.put(grant.id(), grant.user().subject());
        return COOKIE + "=" + grant.id() + cookieAttributes;
    }

    /** The end-user of the live session {@code sid}, which ends now; empty when there is none. */
    Optional<String> end(String sid) {
        return sid == null ? Optional.empty() : subjects.take(sid);
    }

    /** The {@code Set-Cookie} header value that makes the browser forget its session. */
    String clearCookie() {
        return COOKIE + "=" + cookieAttributes + "; Max-Age=0";
    }
}
