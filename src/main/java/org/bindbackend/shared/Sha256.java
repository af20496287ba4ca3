package org.bindbackend.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 (FIPS 180-4), which every Java runtime has (Java SE's {@code MessageDigest} requirements). */
public final class Sha256 {

    private Sha256() {
    }

    /** The digest of {@code text}'s UTF-8 octets (its ASCII octets when it is ASCII, as RFC 7636 hashes). */
    public static byte[] of(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** {@code BASE64URL(SHA256(text))}, the S256 code challenge of RFC 7636 §4.2 when {@code text} is a verifier. */
    public static String base64Url(String text) {
        return Base64Url.encode(of(text));
    }
}
