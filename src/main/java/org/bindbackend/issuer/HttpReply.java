package org.bindbackend.issuer;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response as plain data, so the endpoints decide status, headers and body in code that
 * tests can run without a server; {@link OidcProviderServlet} writes it.
 *
 * @param status    the HTTP status
 * @param mediaType the body's media type, null when there is no body
 * @param headers   further headers, by exact name
 * @param body      the body, null for none
 */
public record HttpReply(int status, String mediaType, Map<String, String> headers, String body) {

    /** JSON (RFC 8259 §11; UTF-8 is implied). */
    public static final String JSON = "application/json";
    /** An HTML page. */
    public static final String HTML = "text/html;charset=UTF-8";

    /** Copies the headers so a reply cannot change after it was built. */
    public HttpReply {
        headers = Map.copyOf(headers);
    }

    /** A JSON reply. */
    static HttpReply json(int status, JsonObject body) {
        return json(status, body.toString());
    }

    /** A JSON reply with an already serialized body. */
    static HttpReply json(int status, String body) {
        return new HttpReply(status, JSON, Map.of(), body);
    }

    /**
     * An HTML page that no cache keeps, that no other site may frame, and that may load nothing but
     * its own inline style.
     */
    static HttpReply html(int status, String page) {
        return new HttpReply(status, HTML, Map.of(
                "Cache-Control", "no-store",
                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer"), page);
    }

    /** A "303 See Other" to {@code location}: the browser follows it with a GET, whatever method led here. */
    static HttpReply redirect(URI location) {
        return new HttpReply(303, null, Map.of("Location", location.toString(), "Cache-Control", "no-store"), null);
    }

    /** A "301 Moved Permanently" to {@code location} (RFC 9110 §15.4.2). */
    static HttpReply movedPermanently(URI location) {
        return new HttpReply(301, null, Map.of("Location", location.toString()), null);
    }

    /** This reply with one more header. */
    HttpReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, mediaType, more, body);
    }

    /** This reply marked as never to be cached (RFC 6749 §5.1, RFC 6750 §5.3). */
    HttpReply withNoStore() {
        return withHeader("Cache-Control", "no-store").withHeader("Pragma", "no-cache");
    }
}
