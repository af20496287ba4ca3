package org.bindbackend.issuer;

import java.net.URI;
import java.util.Map;
import org.bindbackend.shared.FormEncoding;

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
        String uri = base.toString();
        String added = FormEncoding.withParameters(uri, parameters);
        return added.equals(uri) ? base : URI.create(added);
    }
}
