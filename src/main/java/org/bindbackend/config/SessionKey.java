package org.bindbackend.config;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HMAC key that signs sessions and CLI tokens, shared by every replica: at least {@link #MIN_BYTES} random
 * bytes (RFC 7518 §3.2: an HS256 key is at least as long as the hash), written in hex or base64 (standard or URL
 * alphabet). {@link #toString()} never shows it.
 *
 * <p>A typed passphrase is not a key, even a long one in the key alphabets: its characters repeat as words do.
 * Text is refused whose characters carry less information than random text of the alphabet does by far (Shannon
 * entropy of its character frequencies below {@link #MIN_BASE64_BITS} bits per character in base64, below
 * {@link #MIN_HEX_BITS} in hex, or hex without both digits and letters): random keys measure about 4.85 and 3.8
 * bits at 32 bytes, ten standard deviations above those floors; words run together measure 3.4 to 4.0.
 */
public final class SessionKey {

    public static final int MIN_BYTES = 32;
    /** How to make a key, as the error says it. */
    public static final String HOW_TO_MAKE = "openssl rand -base64 48";

    static final double MIN_BASE64_BITS = 4.0;
    static final double MIN_HEX_BITS = 3.0;

    private final byte[] bytes;

    private SessionKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The key written in {@code text}, or empty when it is not a key of at least 32 random bytes. */
    static Optional<SessionKey> parse(String text) {
        String key = text.strip();
        if (key.matches("[0-9a-fA-F]+") && key.length() % 2 == 0) {
            boolean random = key.chars().anyMatch(Character::isDigit) && key.chars().anyMatch(Character::isLetter)
                    && bitsPerCharacter(key) >= MIN_HEX_BITS;
            return random ? atLeastMinimum(HexFormat.of().parseHex(key)) : Optional.empty();
        }
        if (key.matches("[A-Za-z0-9+/_-]+={0,2}")) {
            boolean random = bitsPerCharacter(key.replace("=", "")) >= MIN_BASE64_BITS;
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

    /** The Shannon entropy of the character frequencies of {@code text}, in bits per character. */
    private static double bitsPerCharacter(String text) {
        Map<Integer, Long> counts = text.chars().boxed().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        double bits = 0;
        for (long count : counts.values()) {
            double p = (double) count / text.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
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
