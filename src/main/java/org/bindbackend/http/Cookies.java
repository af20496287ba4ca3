package org.bindbackend.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How the backend writes and reads its cookies, the session's and the login's alike: HttpOnly so scripts cannot
 * read them, SameSite=Lax so other sites cannot post with them, Path=/. Over https a cookie is Secure and its name
 * takes the {@code __Host-} prefix: browsers keep such a cookie only when it is Secure, for Path=/ and without
 * Domain (RFC 6265bis §4.1.3.2), so that no sibling subdomain can plant one.
 */
public final class Cookies {

    /**
     * The most bytes of a {@code Set-Cookie} value (name, value and attributes) every browser keeps (RFC 6265 §6.1:
     * at least 4096); a browser drops a larger cookie without a word.
     */
    public static final int MAX_BYTES = 4096;

    private Cookies() {
    }

    /** The size of a {@code Set-Cookie} value as a browser counts it: its bytes in UTF-8. */
    public static int bytes(String setCookie) {
        return setCookie.getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code base}, with the {@code __Host-} prefix over https. */
    public static String named(String base, boolean secure) {
        return secure ? "__Host-" + base : base;
    }

    /** A {@code Set-Cookie} header value (RFC 6265 §4.1) for the cookie {@code base}. */
    public static String setCookie(String base, String value, long maxAgeSeconds, boolean secure) {
        return named(base, secure) + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }

    /**
     * The value of the cookie named {@code name}, if the request has one that is not empty; without the double
     * quotes a client may put around it (RFC 6265 §4.1.1 allows them, and clients of the older RFC 2965, such as
     * Java's CookieManager, add them), which Payara 7 hands over as part of the value where Payara 6 drops them.
     */
    public static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                Optional<String> value = value(cookie.getValue());
                if (value.isPresent()) {
                    return value;
                }
            }
        }
        return Optional.empty();
    }

    /** A cookie's value as sent, without surrounding double quotes; empty when there is none. */
    public static Optional<String> value(String sent) {
        if (sent == null) {
            return Optional.empty();
        }
        boolean quoted = sent.length() >= 2 && sent.startsWith("\"") && sent.endsWith("\"");
        String value = quoted ? sent.substring(1, sent.length() - 1) : sent;
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
