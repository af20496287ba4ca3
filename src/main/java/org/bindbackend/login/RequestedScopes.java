package org.bindbackend.login;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bindbackend.shared.FormEncoding;

/**
 * Makes sure the authorization request the container redirects to asks for every scope the backend needs
 * ({@code scope}, OIDC Core 3.1.2.1): the annotation's {@code scopeExpression} gives them to Payara, which wants a
 * String from it, while Open Liberty wants a String[] and otherwise falls back to {@code openid email profile}. So
 * the container's redirect ({@link ContainerRedirect}) passes here, and missing scopes are added to it; a request
 * that has them all is left as it is.
 */
final class RequestedScopes {

    private RequestedScopes() {
    }

    /**
     * {@code location} with its {@code scope} parameter holding {@code scopes} too: its own scopes first, then the
     * missing ones. Locations without a scope parameter are the container's own redirects, not authorization
     * requests, and are left as they are.
     */
    static String withScopes(String location, List<String> scopes) {
        int query = location.indexOf('?');
        if (query < 0) {
            return location;
        }
        int fragment = location.indexOf('#', query);
        Optional<Map<String, List<String>>> parameters = FormEncoding.decodeAll(
                location.substring(query + 1, fragment < 0 ? location.length() : fragment));
        if (parameters.isEmpty() || !parameters.get().containsKey("scope")) {
            return location;
        }
        Set<String> all = new LinkedHashSet<>();
        for (String scope : parameters.get().get("scope").get(0).split(" ")) {
            if (!scope.isEmpty()) {
                all.add(scope);
            }
        }
        if (all.containsAll(scopes)) {
            return location;
        }
        all.addAll(scopes);
        Map<String, List<String>> amended = new LinkedHashMap<>(parameters.get());
        amended.put("scope", new ArrayList<>(List.of(String.join(" ", all))));
        return FormEncoding.withQuery(location, amended);
    }
}
