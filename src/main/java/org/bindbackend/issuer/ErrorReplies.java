package org.bindbackend.issuer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bindbackend.shared.JsonBuilders;

/**
 * The one place where refusals become responses. Which form they take depends on who reads them:
 * a client's back channel gets JSON, a protected-resource request gets a Bearer challenge, and a
 * browser gets either a redirect to the verified redirect URI or an HTML page.
 */
final class ErrorReplies {


    /** The realm of the Basic challenge of the token endpoint (RFC 7617 §2). */
    static final String BASIC_CHALLENGE = "Basic realm=\"bind-backend\", charset=\"UTF-8\"";

    private ErrorReplies() {
    }

    /**
     * A token endpoint error (RFC 6749 §5.2): JSON {@code error} and {@code error_description}, not
     * cacheable; {@code invalid_client} is a 401 with a Basic challenge, which §5.2 requires when the
     * client tried Basic and allows otherwise (RFC 7235 §3.1 requires a challenge on every 401).
     */
    static HttpReply forTokenEndpoint(OAuthException refusal) {
        HttpReply reply = HttpReply.json(refusal.error().status(), body(refusal)).withNoStore();
        return refusal.error() == OAuthError.INVALID_CLIENT
                ? reply.withHeader("WWW-Authenticate", BASIC_CHALLENGE)
                : reply;
    }

    /** A refused request that carried a bearer token, or tried to (RFC 6750 §3 and §3.1). */
    static HttpReply forProtectedResource(OAuthException refusal) {
        return HttpReply.json(refusal.error().status(), body(refusal)).withNoStore()
                .withHeader("WWW-Authenticate", "Bearer error=\"" + refusal.error().code()
                        + "\", error_description=\"" + refusal.description() + "\"");
    }

    /**
     * A request to a protected resource without any token: a challenge without error code (RFC 6750
     * §3.1). The body is an empty JSON object: a reply without body can be replaced by the servlet
     * container's error page.
     */
    static HttpReply bearerTokenMissing() {
        return HttpReply.json(401, "{}").withNoStore().withHeader("WWW-Authenticate", "Bearer");
    }

    /**
     * An error for the browser: an {@link AuthorizationRedirectError} goes to the client's verified
     * redirect URI with {@code error}, {@code error_description} and {@code state} (RFC 6749
     * §4.1.2.1); anything else, such as an unknown client or a redirect URI that is not the
     * registered one, is an HTML page and never a redirect.
     */
    static HttpReply forBrowser(OAuthException refusal) {
        if (refusal instanceof AuthorizationRedirectError redirect) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("error", redirect.error().code());
            parameters.put("error_description", redirect.description());
            parameters.put("state", redirect.state());
            return HttpReply.redirect(RedirectUris.withParameters(redirect.redirectUri(), parameters));
        }
        return HttpReply.html(refusal.error().status(), HtmlPages.error(refusal));
    }

    private static String body(OAuthException refusal) {
        return JsonBuilders.object()
                .add("error", refusal.error().code())
                .add("error_description", refusal.description())
                .build()
                .toString();
    }
}
