package org.bindbackend.shared;

import java.util.Base64;

/** Base64url without padding (RFC 4648 §5, as JOSE and OAuth use it: RFC 7515 §2, RFC 7636 §3). */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }
}
