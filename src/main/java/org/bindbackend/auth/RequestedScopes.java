package org.bindbackend.auth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Makes sure the authorization request the container redirects to asks for every scope the backend needs
 * ({@code scope}, OIDC Core 3.1.2.1): the annotation's {@code scopeExpression} gives them to Payara, which wants a
 * String from it, while Open Liberty wants a String[] and otherwise falls back to {@code openid email profile}. So
 * the container's redirect ({@link ProviderRedirect}) passes here, and missing scopes are added to it; a request
 * that has them all is left as it is.
 */
final class RequestedScopes {

    private RequestedScopes() {
    }

    /**
     * {@code location} with its {@code scope} parameter holding {@code scopes} too: its own scopes first, then the
     * missing ones. Locations without a query are the container's own redirects, not authorization requests.
     */
    static String withScopes(String location, List<String> scopes) {
        int query = location.indexOf('?');
        if (query < 0) {
            return location;
        }
        int fragment = location.indexOf('#', query);
        String end = fragment < 0 ? "" : location.substring(fragment);
        String[] parameters = location.substring(query + 1, fragment < 0 ? location.length() : fragment).split("&");
        StringJoiner rebuilt = new StringJoiner("&");
        boolean found = false;
        for (String parameter : parameters) {
            if (parameter.startsWith("scope=")) {
                Set<String> all = new LinkedHashSet<>();
                for (String scope : URLDecoder.decode(parameter.substring(6), StandardCharsets.UTF_8).split(" ")) {
                    if (!scope.isEmpty()) {
                        all.add(scope);
                    }
                }
                all.addAll(scopes);
                rebuilt.add("scope=" + URLEncoder.encode(String.join(" ", all), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
                found = true;
            } else {
                rebuilt.add(parameter);
            }
        }
        if (!found) {
            return location;
        }
        return location.substring(0, query + 1) + rebuilt + end;
    }
}
