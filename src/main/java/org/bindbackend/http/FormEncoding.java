package org.bindbackend.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code application/x-www-form-urlencoded} text (a query string or a form body, WHATWG URL §5.1) the same way
 * on every server: Payara drops a pair whose percent-encoding is malformed and Open Liberty throws, so the backend
 * decodes such text itself and calls malformed text the client's mistake.
 */
public final class FormEncoding {

    private FormEncoding() {
    }

    /** The parameters of {@code text}, each with its first value; empty when the text is not valid form encoding. */
    public static Optional<Map<String, String>> decode(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return Optional.of(parameters);
        }
        if (!Route.wellFormedQuery(text)) {
            return Optional.empty();
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return Optional.of(parameters);
    }
}
