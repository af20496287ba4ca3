package org.bindbackend.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.bindbackend.shared.Mounts;

/**
 * What part of the backend a request was routed to, decided in this one place from the path the servlet container
 * routed it by: the servlet path plus the path info, which the container has percent-decoded, stripped of path
 * parameters and resolved of dot segments (Servlet 6.0 §3.5, §12.1). Never from the raw request URI: an attacker
 * spells one path in many ways ({@code /%6Fidc}, {@code /./oidc}, {@code /oidc;x}, {@code //oidc}, and more on
 * Open Liberty than on Payara) that the container routes to the same servlet.
 */
public enum Route {
    /** The server's MicroProfile Health endpoints, which Payara serves inside this application. */
    SERVER_HEALTH,
    /** The kube-bind liveness answers, {@code /healthz} and {@code /api/healthz}. */
    LIVENESS,
    /** The embedded development provider, {@code /oidc} and below. */
    EMBEDDED_PROVIDER,
    /** The OpenID Connect redirect URI, {@code /api/callback}: a browser's page, not an API call. */
    CALLBACK,
    /** The REST API and logout, {@code /api} and below. */
    API,
    /** Every other path: the browser's pages. */
    PAGE;

    /** The embedded provider's path below the context root; its issuer URL ends with it. */
    public static final String EMBEDDED_PROVIDER_PATH = Mounts.EMBEDDED_ISSUER;
    /** The redirect URI's path below the context root. */
    public static final String CALLBACK_PATH = "/api/callback";
    /** The back-channel logout URI an operator registers at the provider (OIDC Back-Channel Logout 1.0 §2.2). */
    public static final String BACK_CHANNEL_LOGOUT_PATH = "/api/backchannel-logout";
    /** The one path the container protects: requesting it unauthenticated starts the container's login. */
    public static final String LOGIN_START_PATH = "/login/start";
    /** The query parameter of a login's second arrival at its start ({@code web.LoginStartServlet}). */
    public static final String LOGIN_START_AGAIN = "again";
    /** The home page, where a login returns by default. */
    public static final String HOME_PATH = "/";

    private static final String HEALTH_PATH = "/health";
    private static final String API_PATH = "/api";

    /** The part of the backend the container routed {@code request} to. */
    public static Route of(HttpServletRequest request) {
        return of(routedPath(request));
    }

    /** The part of the backend a routed path (as {@link #routedPath} gives it) belongs to. */
    public static Route of(String path) {
        if (path.equals("/healthz") || path.equals(API_PATH + "/healthz")) {
            return LIVENESS;
        }
        if (within(path, HEALTH_PATH)) {
            return SERVER_HEALTH;
        }
        if (within(path, EMBEDDED_PROVIDER_PATH)) {
            return EMBEDDED_PROVIDER;
        }
        if (path.equals(CALLBACK_PATH)) {
            return CALLBACK;
        }
        return within(path, API_PATH) ? API : PAGE;
    }

    /** The path the container routed {@code request} by: servlet path plus path info, below the context root. */
    public static String routedPath(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? request.getServletPath() : request.getServletPath() + info;
    }

    /**
     * The part of the backend a raw request URI names, normalized as the containers route it (path parameters
     * dropped, percent-decoded, dot segments resolved, repeated slashes collapsed). For an error dispatch, where the
     * failed request's routing is no longer at hand; it decides the form of an answer, never access.
     */
    public static Route ofRequestUri(String rawUri) {
        Deque<String> segments = new ArrayDeque<>();
        String path = rawUri.split("[?#]", 2)[0];
        for (String segment : path.split("/")) {
            String name = decode(segment.split(";", 2)[0]);
            if (name.equals("..")) {
                segments.pollLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                segments.addLast(name);
            }
        }
        return of("/" + String.join("/", segments));
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notPercentEncoding) {
            return segment;
        }
    }

    private static boolean within(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
