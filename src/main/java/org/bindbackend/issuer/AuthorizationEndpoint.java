package org.bindbackend.issuer;

import java.util.logging.Logger;
import org.bindbackend.logs.Logs;

/**
 * The authorization endpoint (OIDC Core 3.1.2.1 to 3.1.2.3): validates the authentication request,
 * keeps it server-side under a random, short-lived login transaction id and shows the login form,
 * which carries only that id.
 */
final class AuthorizationEndpoint {

    private static final Logger LOG = Logs.of(AuthorizationEndpoint.class);

    private final AuthorizationRequestValidator validator;
    private final BoundedExpiringStore<AuthorizationRequest> loginTransactions;

    AuthorizationEndpoint(AuthorizationRequestValidator validator,
            BoundedExpiringStore<AuthorizationRequest> loginTransactions) {
        this.validator = validator;
        this.loginTransactions = loginTransactions;
    }

    /** The login form for a valid request, otherwise the error as RFC 6749 §4.1.2.1 says to deliver it. */
    HttpReply authorize(RequestParameters parameters) {
        LOG.fine("Authorization request received");
        try {
            AuthorizationRequest request = validator.validate(parameters);
            String transaction = loginTransactions.add(request);
            LOG.fine(() -> "Authorization request valid (scope " + request.scope() + ", PKCE "
                    + (request.codeChallenge() != null) + "); showing the login form");
            return HttpReply.html(200,
                    HtmlPages.login(transaction, request.clientId(), request.loginHint(), null, null));
        } catch (OAuthException refusal) {
            LOG.fine(() -> "Authorization request refused: " + refusal.error().code() + ": " + refusal.description());
            return ErrorReplies.forBrowser(refusal);
        }
    }
}
