package org.bindbackend.issuer;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;
import org.bindbackend.text.UntrustedText;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * The end-session endpoint (RP-Initiated Logout 1.0 §2 and §3). This provider keeps no login session
 * of its own (every authorization request shows the login form), so logging out means revoking the
 * access and refresh tokens issued to the client for the end-user named by a valid
 * {@code id_token_hint}, or by the browser's login session cookie ({@link LoginSessions}), and telling
 * the client that that login session ended (Back-Channel Logout 1.0, {@link BackChannelNotifier});
 * without either there is nothing to end. It then redirects to a registered
 * {@code post_logout_redirect_uri}, with {@code state}, or shows a logged-out page.
 */
final class EndSessionEndpoint {

    private static final Logger LOG = Logs.of(EndSessionEndpoint.class);

    private final IssuerConfig config;
    private final IssuedTokens tokens;
    private final LoginSessions sessions;
    private final BackChannelNotifier notifier;
    private final JwtConsumer idTokenHints;

    /** What a valid hint names: the end-user and the login session (its {@code sid}, or null). */
    private record Hint(String subject, String session) {
    }

    EndSessionEndpoint(IssuerConfig config, IssuerKeys keys, IssuedTokens tokens, LoginSessions sessions,
            BackChannelNotifier notifier) {
        this.config = config;
        this.tokens = tokens;
        this.sessions = sessions;
        this.notifier = notifier;
        this.idTokenHints = new JwtConsumerBuilder()
                .setVerificationKey(keys.publicKey())
                .setJwsAlgorithmConstraints(ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setSkipAllValidators()
                .build();
    }

    /**
     * A redirect to the registered post-logout redirect URI, the logged-out page, or an error page.
     *
     * @param session the browser's login session, from its cookie ({@link LoginSessions}), or null
     */
    HttpReply endSession(RequestParameters request, String session) {
        LOG.fine("End-session request received");
        try {
            Optional<Hint> hint = request.optional("id_token_hint").map(this::hint)
                    .or(() -> sessions.end(session).map(subject -> new Hint(subject, session)));
            Optional<String> clientId = request.optional("client_id");
            if (clientId.isPresent() && !clientId.get().equals(config.clientId())) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "The client_id is not a registered client.");
            }
            Optional<URI> redirect = request.optional("post_logout_redirect_uri").map(this::registeredRedirect);
            String state = request.optional("state").orElse(null);
            hint.ifPresent(this::logOut);
            LOG.fine(redirect.isEmpty() ? "Logged out; showing the logged-out page"
                    : "Logged out; redirecting to the post-logout redirect URI");
            HttpReply reply = redirect.isEmpty() ? HttpReply.html(200, HtmlPages.loggedOut())
                    : HttpReply.redirect(RedirectUris.withParameters(redirect.get(),
                            state == null ? Map.of() : Map.of("state", state)));
            return session == null ? reply : reply.withHeader("Set-Cookie", sessions.clearCookie());
        } catch (OAuthException refusal) {
            LOG.fine(() -> "End-session request refused: " + refusal.error().code() + ": " + refusal.description());
            return ErrorReplies.forBrowser(refusal);
        }
    }

    /**
     * RP-Initiated Logout 1.0 §2: the hint must be an ID token this provider issued to the registered
     * client; its signature is checked with our key, and an expired one is accepted.
     */
    private Hint hint(String idToken) {
        try {
            JwtClaims claims = idTokenHints.processToClaims(idToken);
            if (!config.issuer().toString().equals(claims.getIssuer())
                    || !claims.getAudience().contains(config.clientId()) || claims.getSubject() == null) {
                throw invalidHint();
            }
            return new Hint(claims.getSubject(), claims.getClaimValue("sid") instanceof String sid ? sid : null);
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw invalidHint();
        }
    }

    private static OAuthException invalidHint() {
        return new OAuthException(OAuthError.INVALID_REQUEST, "The id_token_hint is not an ID token this provider "
                + "issued to the registered client. Its keys are new after each restart.");
    }

    /** RP-Initiated Logout 1.0 §3: only a registered post-logout redirect URI, matched exactly, is used. */
    private URI registeredRedirect(String uri) {
        return config.postLogoutRedirectUris().stream()
                .filter(registered -> registered.toString().equals(uri))
                .findFirst()
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_REQUEST,
                        "The post_logout_redirect_uri is not registered for this client."));
    }

    private void logOut(Hint hint) {
        if (hint.session() != null) {
            sessions.end(hint.session());
        }
        int revoked = tokens.revokeSubject(hint.subject(), config.clientId());
        LOG.fine(() -> "Logged out " + UntrustedText.forLog(hint.subject()) + ": revoked " + revoked + " tokens");
        if (hint.session() != null) {
            notifier.loggedOut(hint.subject(), hint.session());
        }
    }
}
