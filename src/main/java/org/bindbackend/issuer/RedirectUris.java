package org.bindbackend.issuer;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Adds response parameters to a registered redirect URI, encoded as
 * {@code application/x-www-form-urlencoded} (RFC 6749 Appendix B), keeping the query the registered
 * URI already has (RFC 6749 §3.1.2: it MUST be retained).
 */
final class RedirectUris {

    private RedirectUris() {
    }

    /** {@code base} with {@code parameters} added to its query, in their order; null values are left out. */
    static URI withParameters(URI base, Map<String, String> parameters) {
        StringJoiner added = new StringJoiner("&");
        parameters.forEach((name, value) -> {
            if (value != null) {
                added.add(encode(name) + "=" + encode(value));
            }
        });
        String uri = base.toString();
        if (added.length() == 0) {
            return base;
        }
        String separator = uri.indexOf('?') < 0 ? "?" : uri.endsWith("?") || uri.endsWith("&") ? "" : "&";
        return URI.create(uri + separator + added);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
