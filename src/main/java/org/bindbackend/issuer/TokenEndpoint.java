package org.bindbackend.issuer;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.bindbackend.logs.Logs;

/**
 * The token endpoint (RFC 6749 §3.2, OIDC Core 3.1.3): authenticates the client, hands the request
 * to the {@link GrantHandler} of its {@code grant_type}, and answers with JSON that no cache may
 * keep (RFC 6749 §5.1, §5.2).
 */
final class TokenEndpoint {

    private static final Logger LOG = Logs.of(TokenEndpoint.class);

    private final ClientAuthenticator clients;
    private final Map<String, GrantHandler> handlers;

    TokenEndpoint(ClientAuthenticator clients, List<GrantHandler> handlers) {
        this.clients = clients;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(GrantHandler::grantType,
                Function.identity()));
    }

    /**
     * The token response, or the error response.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param form          the form body
     */
    HttpReply token(String authorization, RequestParameters form) {
        LOG.fine("Token request received");
        try {
            String clientId = clients.authenticate(authorization, form);
            String grantType = form.required("grant_type");
            GrantHandler handler = handlers.get(grantType);
            if (handler == null) {
                throw new OAuthException(OAuthError.UNSUPPORTED_GRANT_TYPE,
                        "The supported grant types are "
                                + String.join(" and ", new TreeSet<>(handlers.keySet())) + ".");
            }
            TokenResponse tokens = handler.handle(clientId, form);
            LOG.fine(() -> "Tokens issued to " + clientId + " by the " + grantType + " grant (scope " + tokens.scope()
                    + ")");
            return HttpReply.json(200, tokens.toJson()).withNoStore();
        } catch (OAuthException refusal) {
            LOG.fine(() -> "Token request refused: " + refusal.error().code() + ": " + refusal.description());
            return ErrorReplies.forTokenEndpoint(refusal);
        }
    }
}
