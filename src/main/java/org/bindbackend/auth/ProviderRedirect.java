package org.bindbackend.auth;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.bindbackend.shared.QueryStrings;

/**
 * The container's redirect of the browser to the provider's authorization endpoint, seen on its way out so that
 * the backend can amend it and note what it asks for. Payara's mechanism calls the response's
 * {@code sendRedirect}, Open Liberty's the context's {@code redirect}: the response and the context this hands the
 * container both pass every redirect through {@code onRedirect}, once, before it is sent.
 */
final class ProviderRedirect {

    private final HttpServletResponse response;
    private final UnaryOperator<String> onRedirect;

    /** {@code onRedirect} gets each location and gives the one to send, and may add headers to {@code response}. */
    ProviderRedirect(HttpServletResponse response, UnaryOperator<String> onRedirect) {
        this.response = response;
        this.onRedirect = onRedirect;
    }

    /** The response to hand the container. */
    HttpServletResponse response() {
        return new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(onRedirect.apply(location));
            }
        };
    }

    /** The context to hand the container, in place of {@code context}. */
    HttpMessageContext context(HttpMessageContext context) {
        HttpServletResponse wrapped = response();
        return new HttpMessageContextWrapper(context) {
            @Override
            public AuthenticationStatus redirect(String location) {
                return super.redirect(onRedirect.apply(location));
            }

            @Override
            public HttpServletResponse getResponse() {
                return wrapped;
            }
        };
    }

    /** {@code location} with {@code parameters} added to its query (before its fragment, if any). */
    static String withParameters(String location, Map<String, String> parameters) {
        return QueryStrings.withParameters(location, new TreeMap<>(parameters));
    }

    /** The decoded value of the query parameter {@code name} of {@code location}, if it has one. */
    static Optional<String> parameter(String location, String name) {
        int query = location.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        int fragment = location.indexOf('#', query);
        for (String pair : location.substring(query + 1, fragment < 0 ? location.length() : fragment).split("&")) {
            if (pair.startsWith(name + "=")) {
                try {
                    return Optional.of(URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException notPercentEncoding) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
