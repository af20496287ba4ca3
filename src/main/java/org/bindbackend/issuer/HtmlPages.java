package org.bindbackend.issuer;

import static org.bindbackend.text.HtmlText.escape;

/**
 * The provider's pages: the login form, the error page and the logged-out page. Each is small and
 * self-contained (inline CSS, no script, no external asset), and every value placed in it is
 * HTML-escaped.
 */
final class HtmlPages {

    private static final String STYLE = """
            body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;\
            background:#f3f4f6;color:#1f2937;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
            main{background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.18);padding:2rem;\
            margin:1rem;width:100%;max-width:24rem}
            h1{font-size:1.3rem;margin:0 0 1rem}
            .warning{background:#fff7d6;border:1px solid #d4a106;border-radius:4px;padding:.75rem;margin:0 0 1rem}
            .problem{background:#fde8e8;border:1px solid #c81e1e;border-radius:4px;padding:.75rem;margin:0 0 1rem}
            label{display:block;font-weight:600;margin:.9rem 0 .3rem}
            .hint,.small{font-weight:400;color:#4b5563;font-size:.9rem}
            input{box-sizing:border-box;width:100%;padding:.5rem;border:1px solid #9ca3af;border-radius:4px;\
            font:inherit}
            button{margin-top:1.4rem;width:100%;padding:.6rem;border:0;border-radius:4px;background:#1d4ed8;\
            color:#fff;font:inherit;font-weight:600;cursor:pointer}
            code{background:#f3f4f6;border-radius:3px;padding:0 .25rem;word-break:break-all}
            """;

    private HtmlPages() {
    }

    /**
     * The login form (OIDC Core 3.1.2.3). It posts the login transaction id, never the request itself.
     *
     * @param transaction the login transaction id
     * @param clientId    the client the end-user logs in to
     * @param username    the username to prefill, or null
     * @param groups      the groups to prefill, or null
     * @param problem     why the last attempt was refused, or null
     */
    static String login(String transaction, String clientId, String username, String groups, String problem) {
        String problemBox = problem == null
                ? ""
                : "<p class=\"problem\" role=\"alert\">" + escape(problem) + "</p>\n";
        return page("Log in · bind-backend", """
                <h1>bind-backend development login</h1>
                <p class="warning" role="note">Development provider: any username and password are accepted. \
                Never use it in production.</p>
                """ + problemBox + """
                <form method="post" action="login" accept-charset="UTF-8">
                <input type="hidden" name="transaction" value="%s">
                <label for="username">Username</label>
                <input id="username" name="username" type="text" value="%s" autocomplete="username" \
                required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password">
                <label for="groups">Groups <span class="hint">(optional, separated by commas or spaces)</span></label>
                <input id="groups" name="groups" type="text" value="%s">
                <button type="submit">Log in</button>
                </form>
                <p class="small">Logging in to <code>%s</code>.</p>
                """.formatted(escape(transaction), escape(orEmpty(username)), escape(orEmpty(groups)),
                        escape(clientId)));
    }

    /** The page that reports a refused request to the person at the browser. */
    static String error(OAuthException refusal) {
        String title = "Request refused";
        return page(title + " · bind-backend", """
                <h1>%s</h1>
                <p class="problem" role="alert">%s</p>
                <p class="small">Error code: <code>%s</code>. The bind-backend development provider did not \
                send you back to the application.</p>
                """.formatted(escape(title), escape(refusal.description()), escape(refusal.error().code())));
    }

    /** The page shown after logging out when the client asked for no redirect. */
    static String loggedOut() {
        return page("Logged out · bind-backend", """
                <h1>You are logged out</h1>
                <p>You can close this window or go back to the application.</p>
                """);
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                %s</style>
                </head>
                <body>
                <main>
                %s</main>
                </body>
                </html>
                """.formatted(escape(title), STYLE, body);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
