package org.bindbackend.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.bindbackend.config.Settings;

/**
 * The browser's session cookie, named as the kube-bind backend names it, and the way the backend writes its
 * cookies: HttpOnly so scripts cannot read them, SameSite=Lax so other sites cannot post with them, Path=/. Over
 * https a cookie is Secure and its name takes the {@code __Host-} prefix ({@code __Host-kube-bind}): browsers keep
 * such a cookie only when it is Secure, for Path=/ and without Domain (RFC 6265bis §4.1.3.2), so that no sibling
 * subdomain can plant one; and only that name is read then.
 */
public final class SessionCookie {

    static final String NAME = "kube-bind";
    static final String SECURE_NAME = "__Host-" + NAME;

    private SessionCookie() {
    }

    /** The session cookie's name for this deployment. */
    public static String name(Settings settings) {
        return named(NAME, settings);
    }

    /** The {@code Set-Cookie} header value that keeps the session {@code token} in the browser. */
    public static String setCookie(String token, Settings settings) {
        return header(NAME, token, settings.sessions().tokenExpiry().toSeconds(), settings);
    }

    /** The {@code Set-Cookie} header value that makes the browser forget the session. */
    public static String clearCookie(Settings settings) {
        return header(NAME, "", 0, settings);
    }

    /** {@code base}, with the {@code __Host-} prefix over https. */
    static String named(String base, Settings settings) {
        return settings.secure() ? "__Host-" + base : base;
    }

    /** A {@code Set-Cookie} header value (RFC 6265 §4.1) for the cookie {@code base} of this deployment. */
    static String header(String base, String value, long maxAgeSeconds, Settings settings) {
        return named(base, settings) + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (settings.secure() ? "; Secure" : "");
    }

    /**
     * The value of the cookie named {@code name}, if the request has one that is not empty; without the double
     * quotes a client may put around it (RFC 6265 §4.1.1 allows them, and clients of the older RFC 2965, such as
     * Java's CookieManager, add them), which Payara 7 hands over as part of the value where Payara 6 drops them.
     */
    static Optional<String> read(HttpServletRequest request, String name) {
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
