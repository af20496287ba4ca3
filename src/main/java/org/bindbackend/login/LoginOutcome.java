package org.bindbackend.login;

import java.util.List;

/** How a login ends at the callback: a session issued, or a refusal; either way the cookies the browser gets. */
public sealed interface LoginOutcome {

    /** {@code Set-Cookie} header values: the session's when the login was for the browser, the finished login's. */
    List<String> setCookies();

    /**
     * @param location the page of this backend, the web UI's redirect URL, or the CLI's listener with its token
     */
    record Completed(String location, List<String> setCookies) implements LoginOutcome {

        public Completed {
            setCookies = List.copyOf(setCookies);
        }
    }

    record Refused(LoginRefusal refusal, List<String> setCookies) implements LoginOutcome {

        public Refused {
            setCookies = List.copyOf(setCookies);
        }
    }
}
