package org.bindbackend.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.bindbackend.config.Settings;

/**
 * The browser's session cookie (named as the kube-bind backend names it): HttpOnly so scripts cannot read it,
 * SameSite=Lax so other sites cannot post with it, Secure whenever the backend is reached over https.
 */
public final class SessionCookie {

    public static final String NAME = "kube-bind";

    private SessionCookie() {
    }

    public static Cookie create(String token, Settings settings) {
        return cookie(token, (int) settings.sessions().tokenExpiry().toSeconds(), settings);
    }

    /** A cookie that makes the browser forget the session. */
    public static Cookie cleared(Settings settings) {
        return cookie("", 0, settings);
    }

    public static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static Cookie cookie(String value, int maxAge, Settings settings) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(settings.secure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
