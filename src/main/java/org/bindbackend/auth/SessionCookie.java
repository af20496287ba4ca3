package org.bindbackend.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.bindbackend.config.Settings;

/**
 * The browser's session cookie, named as the kube-bind backend names it: HttpOnly so scripts cannot read it,
 * SameSite=Lax so other sites cannot post with it. Over https it is {@code __Host-kube-bind}: the prefix makes
 * browsers keep it only when it is Secure, for Path=/ and without Domain (RFC 6265bis §4.1.3.2), so that no sibling
 * subdomain can plant a session of its choosing; and only that name is read then.
 */
public final class SessionCookie {

    static final String NAME = "kube-bind";
    static final String SECURE_NAME = "__Host-" + NAME;

    private SessionCookie() {
    }

    /** The cookie's name for this deployment. */
    public static String name(Settings settings) {
        return settings.secure() ? SECURE_NAME : NAME;
    }

    public static Cookie create(String token, Settings settings) {
        return cookie(token, (int) settings.sessions().tokenExpiry().toSeconds(), settings);
    }

    /** A cookie that makes the browser forget the session. */
    public static Cookie cleared(Settings settings) {
        return cookie("", 0, settings);
    }

    /** The value of the cookie named {@code name}, if the request has one that is not empty. */
    static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Cookie cookie(String value, int maxAge, Settings settings) {
        Cookie cookie = new Cookie(name(settings), value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.secure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
