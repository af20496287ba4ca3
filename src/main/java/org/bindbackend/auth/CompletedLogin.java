package org.bindbackend.auth;

import java.util.List;

/**
 * A login that succeeded: where the browser goes now, and the cookies it gets on the way (the session's, when the
 * login was for the browser, and the one that forgets the finished login).
 *
 * @param location   the page of this backend, the web UI's redirect URL, or the CLI's listener with its token
 * @param setCookies {@code Set-Cookie} header values
 */
public record CompletedLogin(String location, List<String> setCookies) {

    public CompletedLogin {
        setCookies = List.copyOf(setCookies);
    }
}
