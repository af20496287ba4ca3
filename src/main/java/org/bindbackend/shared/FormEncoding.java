package org.bindbackend.shared;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code application/x-www-form-urlencoded} text (WHATWG URL §5; RFC 6749 Appendix B), the one reader and writer of
 * query strings and form bodies in the backend and its embedded provider. The servers decode text whose
 * percent-encoding is malformed differently (Payara drops the pair, Open Liberty throws), so the backend reads such
 * text itself, the same way on every server, and calls malformed text the client's mistake.
 */
public final class FormEncoding {

    private FormEncoding() {
    }

    /**
     * Every value of every parameter of {@code text}, by name in the order the names first come; empty when the text
     * is not well-formed percent-encoding ({@link #wellFormed}). No text is no parameters.
     */
    public static Optional<Map<String, List<String>>> decodeAll(String text) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return Optional.of(parameters);
        }
        if (!wellFormed(text)) {
            return Optional.empty();
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decodeComponent(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeComponent(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, any -> new ArrayList<>()).add(value);
        }
        return Optional.of(parameters);
    }

    /** The first value of each parameter of {@code text}; empty when the text is not well-formed. */
    public static Optional<Map<String, String>> decode(String text) {
        return decodeAll(text).map(all -> {
            Map<String, String> first = new LinkedHashMap<>();
            all.forEach((name, values) -> first.put(name, values.get(0)));
            return first;
        });
    }

    /** The first value of the parameter {@code name} in the query of {@code url}, if it has one and it decodes. */
    public static Optional<String> queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        int fragment = url.indexOf('#', query);
        return decode(url.substring(query + 1, fragment < 0 ? url.length() : fragment))
                .map(parameters -> parameters.get(name));
    }

    /**
     * Whether {@code text} is well-formed percent-encoding (RFC 3986 §2.1: each {@code %} followed by two hex
     * digits), as it must be before anything reads a parameter of it.
     */
    public static boolean wellFormed(String text) {
        if (text == null) {
            return true;
        }
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** One decoded name or value ({@code +} is a space); only for text {@link #wellFormed} accepted. */
    public static String decodeComponent(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    /** One name or value, encoded ({@code +} for a space, as OAuth's forms and queries have it). */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code name=value} pairs joined by {@code &}, in the map's order; a null value leaves its name out. */
    public static String encode(Map<String, String> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null) {
                out.append(out.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encode(value));
            }
        });
        return out.toString();
    }

    /** Every value of every parameter, as {@link #encode(Map)} writes one. */
    public static String encodeAll(Map<String, List<String>> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, values) -> values.forEach(value ->
                out.append(out.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encode(value))));
        return out.toString();
    }

    /**
     * {@code url} with {@code parameters} (in their map's order; null values left out) appended to its query
     * (RFC 3986 §3.4), before its fragment if it has one; {@code url} itself when none is added.
     */
    public static String withParameters(String url, Map<String, String> parameters) {
        String added = encode(parameters);
        if (added.isEmpty()) {
            return url;
        }
        int fragment = url.indexOf('#');
        String base = fragment < 0 ? url : url.substring(0, fragment);
        String separator = base.indexOf('?') < 0 ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return base + separator + added + (fragment < 0 ? "" : url.substring(fragment));
    }

    /**
     * {@code url} with its query replaced by {@code parameters}, keeping its fragment; for amending a redirect whose
     * query was read with {@link #decodeAll}.
     */
    public static String withQuery(String url, Map<String, List<String>> parameters) {
        int query = url.indexOf('?');
        int fragment = url.indexOf('#', Math.max(query, 0));
        String base = query < 0 ? (fragment < 0 ? url : url.substring(0, fragment)) : url.substring(0, query);
        return base + "?" + encodeAll(parameters) + (fragment < 0 ? "" : url.substring(fragment));
    }
}
