package org.bindbackend.issuer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bindbackend.shared.FormEncoding;

/**
 * The parameters of one request, read by the rules of RFC 6749 §3.1 and §3.2: a parameter sent
 * without a value is treated as omitted, and a parameter sent more than once is refused with
 * {@code invalid_request}. Parameters the provider does not read are ignored.
 */
public final class RequestParameters {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final RequestParameters NONE = new RequestParameters(Map.of(), false);
    /** A body that is not valid form encoding: every parameter read from it is an {@code invalid_request}. */
    private static final RequestParameters MALFORMED = new RequestParameters(Map.of(), true);

    private final Map<String, List<String>> values;
    private final boolean malformed;

    private RequestParameters(Map<String, List<String>> values, boolean malformed) {
        this.values = values;
        this.malformed = malformed;
    }

    /** Parameters already decoded, by name. */
    static RequestParameters of(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return new RequestParameters(copy, false);
    }

    /** No parameters at all. */
    public static RequestParameters none() {
        return NONE;
    }

    /**
     * The parameters of a request body whose {@code Content-Type} header is {@code contentType}: those of an
     * {@code application/x-www-form-urlencoded} body (RFC 6749 §3.2 and Appendix B), none for any other type. Only
     * the body counts, so nothing in the URL can stand in for a body parameter.
     */
    public static RequestParameters formBody(String body, String contentType) {
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        return type.equalsIgnoreCase(FORM) ? decoded(body) : NONE;
    }

    /** The parameters of a query string (RFC 3986 §3.4), encoded as a form is; none when it is null. */
    public static RequestParameters query(String queryString) {
        return queryString == null ? NONE : decoded(queryString);
    }

    /**
     * Decodes {@code name=value} pairs joined by {@code &}, in UTF-8 with {@code +} for a space (RFC 6749
     * Appendix B). Text that is not valid form encoding has parameters that cannot be read: the endpoint answers
     * {@code invalid_request} when it reads the first.
     */
    private static RequestParameters decoded(String encoded) {
        return FormEncoding.decodeAll(encoded).map(values -> new RequestParameters(values, false)).orElse(MALFORMED);
    }

    /** The distinct values of a space-delimited list such as {@code scope} (RFC 6749 §3.3), in order. */
    static Set<String> spaceDelimited(String list) {
        return Arrays.stream(list.split(" "))
                .filter(value -> !value.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The value of {@code name}; empty when absent or sent without a value.
     *
     * @throws OAuthException {@code invalid_request} when the parameter was sent more than once, or the body
     *                        could not be decoded
     */
    Optional<String> optional(String name) {
        if (malformed) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The request's parameters are not valid form encoding.");
        }
        String found = null;
        for (String value : values.getOrDefault(name, List.of())) {
            if (value.isEmpty()) {
                continue;
            }
            if (found != null) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "The " + name + " parameter is repeated.");
            }
            found = value;
        }
        return Optional.ofNullable(found);
    }

    /**
     * The value of {@code name}.
     *
     * @throws OAuthException {@code invalid_request} when it is missing, empty or repeated
     */
    String required(String name) {
        return optional(name).orElseThrow(
                () -> new OAuthException(OAuthError.INVALID_REQUEST, "The " + name + " parameter is missing."));
    }
}
