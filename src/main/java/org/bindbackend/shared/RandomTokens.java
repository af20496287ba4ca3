package org.bindbackend.shared;

import java.security.SecureRandom;

/**
 * Unguessable values from {@link SecureRandom}, base64url without padding: codes, tokens, key ids, session ids and
 * generated secrets (RFC 6749 §10.10, RFC 6750 §5.2).
 */
public final class RandomTokens {

    /** 256 bits: codes, tokens and anything a guess must never hit. */
    public static final int DEFAULT_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** A fresh value of {@link #DEFAULT_BYTES} random bytes. */
    public static String next() {
        return next(DEFAULT_BYTES);
    }

    /** A fresh value of {@code bytes} random bytes. */
    public static String next(int bytes) {
        return Base64Url.encode(bytes(bytes));
    }

    /** {@code count} fresh random bytes, for keys. */
    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
