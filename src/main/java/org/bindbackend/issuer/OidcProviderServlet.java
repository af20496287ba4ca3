package org.bindbackend.issuer;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The embedded provider on HTTP: routes the requests under {@code /oidc} ({@link OidcPaths}) to {@link EmbeddedIssuer}
 * and writes its {@link HttpReply}. A plain servlet rather than a JAX-RS application: each login passes here three
 * times, and the provider needs nothing of JAX-RS but a route table. Outside embedded mode there is no provider
 * ({@link ActiveIssuer}) and every request is answered 404, whatever let it get here.
 */
@WebServlet(OidcPaths.APPLICATION + "/*")
public class OidcProviderServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The largest request body read: a token request is a few hundred bytes, a login form a few kilobytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** What a route does with a request: its Authorization header and its parameters. */
    private interface Handler extends BiFunction<EmbeddedIssuer, Request, HttpReply> {
    }

    /** The parts of a request the provider reads: the browser's login session is its cookie's value, or null. */
    private record Request(String authorization, RequestParameters parameters, String session) {
    }

    private static final Map<String, Handler> GET = Map.of(
            OidcPaths.DISCOVERY, (provider, request) -> provider.discovery(),
            OidcPaths.DISCOVERY_AS_KUBE_BIND_SPELLS_IT, (provider, request) -> provider.discoveryMoved(),
            OidcPaths.JWKS, (provider, request) -> provider.jwks(),
            OidcPaths.AUTHORIZE, (provider, request) -> provider.authorize(request.parameters()),
            OidcPaths.USERINFO, (provider, request) -> provider.userInfo(request.authorization(),
                    RequestParameters.none()),
            OidcPaths.END_SESSION, (provider, request) -> provider.endSession(request.parameters(), request.session()));
    private static final Map<String, Handler> POST = Map.of(
            OidcPaths.AUTHORIZE, (provider, request) -> provider.authorize(request.parameters()),
            OidcPaths.LOGIN, (provider, request) -> provider.login(request.parameters()),
            OidcPaths.TOKEN, (provider, request) -> provider.token(request.authorization(), request.parameters()),
            OidcPaths.USERINFO, (provider, request) -> provider.userInfo(request.authorization(),
                    request.parameters()),
            OidcPaths.END_SESSION, (provider, request) -> provider.endSession(request.parameters(), request.session()));

    @Inject
    transient ActiveIssuer activeIssuer;

    /** Outside embedded mode every request, whatever its method, is answered 404 before anything else. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (activeIssuer.get().isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Handler handler = GET.get(route(request));
        if (handler == null) {
            refuse(request, response);
            return;
        }
        // OIDC Core 3.1.2.1 and RP-Initiated Logout 1.0 §2: a GET carries its parameters in the query string.
        write(handler.apply(provider(), new Request(request.getHeader("Authorization"),
                RequestParameters.query(request.getQueryString()), session(request))), response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Handler handler = POST.get(route(request));
        if (handler == null) {
            refuse(request, response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            // The rest of the body stays unread: the connection cannot carry another request (RFC 9112 §9.6).
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        // RFC 6749 §3.2 and OIDC Core 3.1.2.1: a POST carries its parameters in a form body, never in the URL.
        write(handler.apply(provider(), new Request(request.getHeader("Authorization"),
                RequestParameters.formBody(new String(body, StandardCharsets.UTF_8), request.getContentType()),
                session(request))), response);
    }

    /** The route: the path below {@code /oidc}, or "" for {@code /oidc} itself. */
    private static String route(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null ? "" : path;
    }

    /** The value of the provider's login session cookie ({@link LoginSessions}), or null. */
    private static String session(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (LoginSessions.COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    /** Called past {@link #service}'s check only, so there is one. */
    private EmbeddedIssuer provider() {
        return activeIssuer.get().orElseThrow();
    }

    /** 405 with the methods the route allows (RFC 9110 §15.5.6), or 404 when there is no such route. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String route = route(request);
        if (!GET.containsKey(route) && !POST.containsKey(route)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Allow", (GET.containsKey(route) ? "GET, HEAD" : "") + (GET.containsKey(route)
                && POST.containsKey(route) ? ", " : "") + (POST.containsKey(route) ? "POST" : ""));
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    private static void write(HttpReply reply, HttpServletResponse response) throws IOException {
        response.setStatus(reply.status());
        reply.headers().forEach(response::setHeader);
        if (reply.body() == null) {
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        response.setContentType(reply.mediaType());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
