package org.bindbackend.login;

import org.bindbackend.http.Cookies;

/**
 * The login cookie's size in the bytes a browser counts. Browsers keep a cookie of up to 4096 bytes, name, value
 * and attributes together (RFC 6265 §6.1), and drop a larger one without a word: the login would then fail at its
 * callback for no reason the user can see. Its size is that of the sealed claims (JSON, where a character such as
 * {@code €} takes six bytes, as JSON escapes it, and {@code ü} two), base64url-encoded, so it is told by making the
 * cookie, never by counting characters of what goes in.
 *
 * <p>A login's cookie grows once after it begins: the state and nonce of the container's authorization request and
 * the PKCE verifier join it ({@link ContainerRedirectAdditions}). A login begins only when its cookie fits with
 * them at their largest: {@link #STATE_ROOM} characters for each of the state and the nonce (measured: 36 and 43 on
 * Payara, 24 and 30 on Open Liberty; {@code LoginCookieSizeIT} checks them), and the verifier's 43
 * ({@link ProofKey}).
 */
final class LoginCookieSize {

    static final int MAX_BYTES = Cookies.MAX_BYTES;
    /** Room for each of the container's state and nonce, far above what any container sends. */
    static final int STATE_ROOM = 128;

    private LoginCookieSize() {
    }

    /** Refuses {@code intent} when its login cookie, once sent to the provider, would not fit a browser. */
    static void check(LoginCookies cookies, LoginIntent intent) throws OversizedLoginException {
        int bytes = Cookies.bytes(cookies.setCookie(atItsLargest(intent)));
        if (bytes >= MAX_BYTES) {
            throw new OversizedLoginException(bytes);
        }
    }

    /** The login of {@code intent} as its cookie is at its largest: sent to the provider, with PKCE. */
    static LoginTransaction atItsLargest(LoginIntent intent) {
        return LoginTransaction.starting(intent).sentWith("s".repeat(STATE_ROOM), "n".repeat(STATE_ROOM),
                ProofKey.random().verifier());
    }
}
