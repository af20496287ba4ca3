package org.bindbackend.issuer;

import java.util.Optional;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;
import org.bindbackend.shared.JsonBuilders;
import org.bindbackend.text.UntrustedText;

/**
 * The UserInfo endpoint (OIDC Core 5.3): returns the end-user's claims to a request that presents
 * a live access token, in the {@code Authorization: Bearer} header (RFC 6750 §2.1) or as the
 * {@code access_token} form body parameter (RFC 6750 §2.2), not both (RFC 6750 §2).
 */
final class UserInfoEndpoint {


    private static final Logger LOG = Logs.of(UserInfoEndpoint.class);

    private final IssuedTokens tokens;

    UserInfoEndpoint(IssuedTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * The claims as JSON, or a Bearer challenge (RFC 6750 §3).
     *
     * @param authorization the {@code Authorization} header, or null
     * @param form          the form body of a POST, {@link RequestParameters#none()} for a GET
     */
    HttpReply userInfo(String authorization, RequestParameters form) {
        LOG.fine("UserInfo request received");
        try {
            Optional<String> fromHeader = bearerToken(authorization);
            Optional<String> fromBody = form.optional("access_token");
            if (fromHeader.isPresent() && fromBody.isPresent()) {
                throw new OAuthException(OAuthError.INVALID_REQUEST,
                        "Send the access token in the Authorization header or in the body, not both.");
            }
            Optional<String> token = fromHeader.or(() -> fromBody);
            if (token.isEmpty()) {
                LOG.fine("UserInfo request refused: no access token");
                return ErrorReplies.bearerTokenMissing();
            }
            Grant grant = tokens.accessTokenGrant(token.get()).orElseThrow(() -> new OAuthException(
                    OAuthError.INVALID_TOKEN, "The access token is unknown, expired or revoked."));
            LOG.fine(() -> "UserInfo returned for " + UntrustedText.forLog(grant.user().subject()));
            return HttpReply.json(200, JsonBuilders.object(grant.user().claims()).build()).withNoStore();
        } catch (OAuthException refusal) {
            LOG.fine(() -> "UserInfo request refused: " + refusal.error().code() + ": " + refusal.description());
            return ErrorReplies.forProtectedResource(refusal);
        }
    }

    /** The token of a {@code Bearer} Authorization header; empty for no header or another scheme. */
    private static Optional<String> bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        if (token.isEmpty()) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The Bearer Authorization header has no token.");
        }
        return Optional.of(token);
    }
}
