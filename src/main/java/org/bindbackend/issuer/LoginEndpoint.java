package org.bindbackend.issuer;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;
import org.bindbackend.shared.RandomTokens;
import org.bindbackend.text.UntrustedText;

/**
 * Where the login form posts to. It authenticates the end-user (OIDC Core 3.1.2.3; any non-blank
 * username and any password: this is a development provider) and answers the authentication
 * request it finds under the form's single-use login transaction id with a code (OIDC Core 3.1.2.5,
 * RFC 6749 §4.1.2).
 */
final class LoginEndpoint {

    private static final Logger LOG = Logs.of(LoginEndpoint.class);

    /** OIDC Core 2: a {@code sub} is at most 255 characters long. */
    static final int MAX_USERNAME_LENGTH = 255;

    private final BoundedExpiringStore<AuthorizationRequest> loginTransactions;
    private final AuthorizationCodes codes;
    private final LoginSessions sessions;
    private final Clock clock;

    LoginEndpoint(BoundedExpiringStore<AuthorizationRequest> loginTransactions, AuthorizationCodes codes,
            LoginSessions sessions, Clock clock) {
        this.loginTransactions = loginTransactions;
        this.codes = codes;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * A redirect to the client with {@code code} and {@code state}; the form again when the username
     * is unusable; an error page when the login transaction is unknown, used or expired.
     */
    HttpReply login(RequestParameters form) {
        LOG.fine("Login form received");
        try {
            String transaction = form.required("transaction");
            String username = form.optional("username").map(String::strip).orElse("");
            String groups = form.optional("groups").orElse("");
            AuthorizationRequest request = loginTransactions.take(transaction).orElseThrow(() -> new OAuthException(
                    OAuthError.INVALID_REQUEST,
                    "This login form has expired or was already submitted. Start again from the application."));
            String problem = usernameProblem(username);
            if (problem != null) {
                LOG.fine(() -> "Login refused: " + problem);
                String retry = loginTransactions.add(request);
                return HttpReply.html(400, HtmlPages.login(retry, request.clientId(), username, groups, problem));
            }
            EndUser user = new EndUser(username, EndUser.parseGroups(groups));
            Grant grant = new Grant(RandomTokens.next(), request.clientId(), user, request.scope(), clock.instant());
            String code = codes.issue(new IssuedCode(grant, request.redirectUri(), request.nonce(),
                    request.codeChallenge()));
            LOG.fine(() -> "Logged in " + UntrustedText.forLog(user.subject()) + " with " + user.groups().size()
                    + " groups; authorization code issued");
            Map<String, String> response = new LinkedHashMap<>();
            response.put("code", code);
            response.put("state", request.state());
            return HttpReply.redirect(RedirectUris.withParameters(request.redirectUri(), response))
                    .withHeader("Set-Cookie", sessions.began(grant));
        } catch (OAuthException refusal) {
            LOG.fine(() -> "Login refused: " + refusal.error().code() + ": " + refusal.description());
            return ErrorReplies.forBrowser(refusal);
        }
    }

    private static String usernameProblem(String username) {
        if (username.isEmpty()) {
            return "Enter a username.";
        }
        if (username.length() > MAX_USERNAME_LENGTH) {
            return "Use at most " + MAX_USERNAME_LENGTH + " characters for the username.";
        }
        if (UntrustedText.hasControlCharacters(username)) {
            return "Use no control characters (such as line breaks) in the username.";
        }
        return null;
    }
}
