package org.bindbackend.http;

import java.nio.charset.StandardCharsets;

/**
 * A URI reference as a {@code Location} header carries it. A header's value is ASCII (RFC 9110 §5.5; other bytes
 * are obsolete text that servers and clients read differently: Payara drops such characters, and Java's client
 * loses the connection), so each non-ASCII character of a path or a query a user chose is percent-encoded as its
 * UTF-8 bytes, as an IRI becomes a URI (RFC 3987 §3.1). Browsers show and decode it the same.
 */
public final class LocationHeader {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LocationHeader() {
    }

    /** {@code reference} with every character above U+007F percent-encoded; ASCII stays as it is. */
    public static String of(String reference) {
        StringBuilder out = new StringBuilder(reference.length());
        reference.codePoints().forEach(codePoint -> {
            if (codePoint < 0x80) {
                out.append((char) codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        });
        return out.toString();
    }
}
