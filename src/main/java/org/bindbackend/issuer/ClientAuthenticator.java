package org.bindbackend.issuer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;
import org.bindbackend.shared.FormEncoding;
import org.bindbackend.shared.Sha256;

/**
 * Authenticates the client at the token endpoint with its password (RFC 6749 §2.3.1), sent either
 * with HTTP Basic ({@code client_secret_basic}) or in the form body ({@code client_secret_post},
 * OIDC Core 9), never both (RFC 6749 §2.3). Secrets are compared in constant time.
 */
final class ClientAuthenticator {

    private static final Logger LOG = Logs.of(ClientAuthenticator.class);

    private record Credentials(String clientId, String secret) {
    }

    private final IssuerConfig config;

    ClientAuthenticator(IssuerConfig config) {
        this.config = config;
    }

    /**
     * The id of the authenticated client.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param form          the form body of the token request
     * @throws OAuthException {@code invalid_client} when authentication fails, {@code invalid_request}
     *                        when the request uses two methods or contradicts itself
     */
    String authenticate(String authorization, RequestParameters form) {
        Optional<String> formClientId = form.optional("client_id");
        Optional<String> formSecret = form.optional("client_secret");
        Credentials credentials;
        if (authorization != null) {
            if (formSecret.isPresent()) {
                throw new OAuthException(OAuthError.INVALID_REQUEST,
                        "Use one client authentication method: HTTP Basic or client_secret in the body, not both.");
            }
            credentials = basic(authorization);
            if (formClientId.isPresent() && !formClientId.get().equals(credentials.clientId())) {
                throw new OAuthException(OAuthError.INVALID_REQUEST,
                        "The client_id in the body differs from the one in the Authorization header.");
            }
        } else {
            credentials = new Credentials(formClientId.orElseThrow(() -> refuse("no client credentials sent")),
                    formSecret.orElseThrow(() -> refuse("no client_secret sent")));
        }
        if (!credentials.clientId().equals(config.clientId())) {
            throw refuse("unknown client_id");
        }
        if (!constantTimeEquals(credentials.secret(), config.clientSecret())) {
            throw refuse("wrong client secret");
        }
        return credentials.clientId();
    }

    /**
     * RFC 6749 §2.3.1 with RFC 7617: the id and secret are each form-urlencoded (Appendix B), joined
     * by a colon and base64-encoded.
     */
    private static Credentials basic(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw refuse("an Authorization header with a scheme other than Basic");
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw refuse("Basic credentials without a colon");
            }
            return new Credentials(FormEncoding.decodeComponent(decoded.substring(0, colon)),
                    FormEncoding.decodeComponent(decoded.substring(colon + 1)));
        } catch (IllegalArgumentException malformed) {
            throw refuse("malformed Basic credentials");
        }
    }

    /** Compares the SHA-256 hashes of the two secrets, so the time taken reveals neither their content nor length. */
    private static boolean constantTimeEquals(String presented, String expected) {
        return MessageDigest.isEqual(Sha256.of(presented), Sha256.of(expected));
    }

    /** The one answer for every failed authentication: which check failed is logged, not told. */
    private static OAuthException refuse(String reason) {
        LOG.fine(() -> "Client authentication failed: " + reason);
        return new OAuthException(OAuthError.INVALID_CLIENT, "Client authentication failed.");
    }
}
