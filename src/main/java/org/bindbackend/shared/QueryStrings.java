package org.bindbackend.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Parameters added to a URL's query (RFC 3986 §3.4), form-encoded as OAuth sends them (RFC 6749 Appendix B). */
public final class QueryStrings {

    private QueryStrings() {
    }

    /**
     * {@code url} with {@code parameters} (in their map's order; null values left out) appended to its query,
     * before its fragment if it has one; {@code url} itself when none is added.
     */
    public static String withParameters(String url, Map<String, String> parameters) {
        int fragment = url.indexOf('#');
        String base = fragment < 0 ? url : url.substring(0, fragment);
        StringBuilder out = new StringBuilder(base);
        String separator = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            out.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = "&";
        }
        return fragment < 0 ? out.toString() : out + url.substring(fragment);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
