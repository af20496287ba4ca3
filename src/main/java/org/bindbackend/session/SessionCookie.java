package org.bindbackend.session;

import org.bindbackend.config.Settings;
import org.bindbackend.http.Cookies;

/**
 * The browser's session cookie, named as the kube-bind backend names it: {@code kube-bind}, or over https
 * {@code __Host-kube-bind}, and then only that name is read ({@link Cookies}). It lives as long as the session.
 */
final class SessionCookie {

    static final String NAME = "kube-bind";
    static final String SECURE_NAME = Cookies.named(NAME, true);

    private SessionCookie() {
    }

    static String name(Settings settings) {
        return Cookies.named(NAME, settings.secure());
    }

    static String setCookie(String token, Settings settings) {
        return Cookies.setCookie(NAME, token, settings.sessions().tokenExpiry().toSeconds(), settings.secure());
    }

    static String clearCookie(Settings settings) {
        return Cookies.setCookie(NAME, "", 0, settings.secure());
    }
}
