package org.bindbackend.issuer;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable values for codes, tokens, login transactions and key ids: 256 bits from
 * {@link SecureRandom}, base64url without padding (RFC 6749 §10.10, RFC 6750 §5.2).
 */
final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    /** A fresh random value. */
    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
