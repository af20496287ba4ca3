package org.bindbackend.config;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The HMAC key that signs sessions and CLI tokens, shared by every replica: at least {@link #MIN_BYTES} random
 * bytes (RFC 7518 §3.2: an HS256 key is at least as long as the hash), written in hex or base64 (standard or URL
 * alphabet). {@link #toString()} never shows it.
 *
 * <p>A typed passphrase is not a key, even a long one: its characters repeat and keep to a few classes. Text in
 * the key alphabets is refused when it looks so: hex without both digits and letters, base64 without a digit or
 * symbol, or too few distinct characters. Random text fails these by chance about once in 8,000 for a 32-byte
 * base64 key, and once in 600,000 for the 48 bytes of {@link #HOW_TO_MAKE}.
 */
public final class SessionKey {

    public static final int MIN_BYTES = 32;
    /** How to make a key, as the error says it. */
    public static final String HOW_TO_MAKE = "openssl rand -base64 48";

    private static final int MIN_DISTINCT_HEX = 10;
    private static final int MIN_DISTINCT_BASE64 = 16;

    private final byte[] bytes;

    private SessionKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The key written in {@code text}, or empty when it is not a key of at least 32 random bytes. */
    static Optional<SessionKey> parse(String text) {
        String key = text.strip();
        if (key.matches("[0-9a-fA-F]+") && key.length() % 2 == 0) {
            boolean random = key.chars().anyMatch(Character::isDigit) && key.chars().anyMatch(Character::isLetter)
                    && distinct(key) >= MIN_DISTINCT_HEX;
            return random ? atLeastMinimum(HexFormat.of().parseHex(key)) : Optional.empty();
        }
        if (key.matches("[A-Za-z0-9+/_-]+={0,2}")) {
            boolean random = key.chars().anyMatch(c -> Character.isDigit(c) || "+/-_".indexOf(c) >= 0)
                    && distinct(key) >= MIN_DISTINCT_BASE64;
            try {
                String standard = key.replace('-', '+').replace('_', '/').replace("=", "");
                return random ? atLeastMinimum(Base64.getDecoder().decode(standard)) : Optional.empty();
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<SessionKey> atLeastMinimum(byte[] bytes) {
        return bytes.length >= MIN_BYTES ? Optional.of(new SessionKey(bytes)) : Optional.empty();
    }

    private static long distinct(String text) {
        return text.chars().distinct().count();
    }

    /** The key's bytes (a copy). */
    public byte[] bytes() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    @Override
    public String toString() {
        return "********";
    }
}
