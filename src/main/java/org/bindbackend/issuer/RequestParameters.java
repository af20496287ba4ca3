package org.bindbackend.issuer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.UriInfo;
import java.io.UnsupportedEncodingException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parameters of one request, read by the rules of RFC 6749 §3.1 and §3.2: a parameter sent
 * without a value is treated as omitted, and a parameter sent more than once is refused with
 * {@code invalid_request}. Parameters the provider does not read are ignored.
 */
public final class RequestParameters {

    private static final RequestParameters NONE = new RequestParameters(Map.of());

    private final Map<String, List<String>> values;

    private RequestParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /** The given parameters (e.g. the decoded query parameters of a GET). */
    public static RequestParameters of(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        return new RequestParameters(copy);
    }

    /** No parameters at all. */
    public static RequestParameters none() {
        return NONE;
    }

    /**
     * The parameters of a form-encoded request body. They are read through the servlet request, which
     * still has them when a servlet filter or the server's own authentication mechanism has already
     * read the body; the body is decoded as UTF-8 unless the request names another charset.
     */
    public static RequestParameters formBody(HttpServletRequest request, UriInfo uriInfo) {
        if (request.getCharacterEncoding() == null) {
            try {
                request.setCharacterEncoding(StandardCharsets.UTF_8.name());
            } catch (UnsupportedEncodingException impossible) {
                throw new UncheckedIOException(impossible);
            }
        }
        return formBody(request.getParameterMap(), uriInfo.getQueryParameters());
    }

    /**
     * The body parameters among {@code servletParameters}, which hold the query string's parameters
     * first and the body's after them (Jakarta Servlet 6.0 §3.1): the query's are left out, so nothing
     * in the URL can stand in for a body parameter.
     */
    static RequestParameters formBody(Map<String, String[]> servletParameters,
            Map<String, List<String>> queryParameters) {
        Map<String, List<String>> body = new LinkedHashMap<>();
        servletParameters.forEach((name, all) -> {
            int fromQuery = queryParameters.getOrDefault(name, List.of()).size();
            if (all.length > fromQuery) {
                body.put(name, List.copyOf(Arrays.asList(all).subList(fromQuery, all.length)));
            }
        });
        return new RequestParameters(body);
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
     * @throws OAuthException {@code invalid_request} when the parameter was sent more than once
     */
    Optional<String> optional(String name) {
        List<String> list = values.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).toList();
        if (list.size() > 1) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The " + name + " parameter is repeated.");
        }
        return list.stream().findFirst();
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
