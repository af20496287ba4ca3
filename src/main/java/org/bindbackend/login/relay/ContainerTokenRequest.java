package org.bindbackend.login.relay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bindbackend.config.Secret;
import org.bindbackend.shared.FormEncoding;

/**
 * The container's token request (RFC 6749 §4.1.3) as the relay receives it, and as it leaves for the provider. The
 * container authenticates with the relay's key as its client secret, by one of the methods of RFC 6749 §2.3.1: in the
 * form ({@code client_secret_post}, which Payara's and Open Liberty's clients use) or in an HTTP Basic Authorization
 * header ({@code client_secret_basic}), never both. On its way out the key makes room for the real secret, by the
 * same method, or for nothing at all for a public client.
 */
final class ContainerTokenRequest {

    private static final String BASIC = "Basic ";

    private final Map<String, String> form;
    /** The secret of a Basic Authorization header; empty when the client authenticated in the form. */
    private final Optional<String> basicSecret;

    private ContainerTokenRequest(Map<String, String> form, Optional<String> basicSecret) {
        this.form = form;
        this.basicSecret = basicSecret;
    }

    /**
     * The request of this {@code Authorization} header (or null) and body: empty when the body is not form encoding,
     * or the header is not HTTP Basic authentication of a client.
     */
    static Optional<ContainerTokenRequest> read(String authorization, byte[] body) {
        Optional<Map<String, String>> form = body == null ? Optional.empty()
                : FormEncoding.decode(new String(body, StandardCharsets.US_ASCII));
        if (form.isEmpty()) {
            return Optional.empty();
        }
        if (authorization == null) {
            return Optional.of(new ContainerTokenRequest(form.get(), Optional.empty()));
        }
        return basicSecret(authorization).map(secret -> new ContainerTokenRequest(form.get(), Optional.of(secret)));
    }

    /** The password of {@code Basic base64(id:secret)}, each form-encoded (RFC 6749 §2.3.1, RFC 7617 §2). */
    private static Optional<String> basicSecret(String authorization) {
        if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = pair.indexOf(':');
        String secret = colon < 0 ? "" : pair.substring(colon + 1);
        return colon < 0 || !FormEncoding.wellFormed(secret) ? Optional.empty()
                : Optional.of(FormEncoding.decodeComponent(secret));
    }

    /** Whether the request presents {@code key} as its client secret, by exactly one method; in constant time. */
    boolean authenticatedBy(String key) {
        if (basicSecret.isPresent() && form.containsKey("client_secret")) {
            return false;
        }
        Optional<String> presented = basicSecret.or(() -> Optional.ofNullable(form.get("client_secret")));
        return presented.isPresent() && MessageDigest.isEqual(presented.get().getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8));
    }

    boolean isCodeExchange() {
        return "authorization_code".equals(form.get("grant_type"));
    }

    String code() {
        return form.get("code");
    }

    /**
     * The form the provider gets: the container's, with {@code verifier} as {@code code_verifier} (RFC 7636 §4.5)
     * when there is one, and the real secret where the container put the key; a public client's has its client id
     * and no secret (RFC 6749 §2.1, §3.2.1).
     */
    String formForProvider(String clientId, Secret secret, boolean publicClient, Optional<String> verifier) {
        Map<String, String> sent = new LinkedHashMap<>(form);
        sent.remove("client_secret");
        verifier.ifPresent(value -> sent.put("code_verifier", value));
        if (publicClient) {
            sent.put("client_id", clientId);
        } else if (basicSecret.isEmpty()) {
            sent.put("client_secret", secret.reveal());
        }
        return FormEncoding.encode(sent);
    }

    /** The Authorization header the provider gets: the real Basic credentials when the container sent Basic. */
    Optional<String> authorizationForProvider(String clientId, Secret secret, boolean publicClient) {
        if (publicClient || basicSecret.isEmpty()) {
            return Optional.empty();
        }
        String credentials = FormEncoding.encode(clientId) + ":" + FormEncoding.encode(secret.reveal());
        return Optional.of(BASIC + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
