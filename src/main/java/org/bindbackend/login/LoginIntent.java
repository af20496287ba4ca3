package org.bindbackend.login;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bindbackend.http.LocationHeader;
import org.bindbackend.session.IssuedSession;
import org.bindbackend.shared.FormEncoding;

/**
 * What to do once a login succeeds, remembered across the provider round trip ({@link LoginTransaction}):
 * show a page of this backend ({@code /login?return=}), or finish the kube-bind protocol ({@code /api/authorize})
 * for the CLI (a bearer token handed to its loopback listener) or for a web UI (a session cookie).
 *
 * @param kind        which of the three
 * @param target      the local path (page) or the already checked redirect URL (cli, ui)
 * @param sessionId   the kube-bind client's {@code session_id}, echoed back to it
 * @param clusterId   the kube-bind {@code cluster_id}, bound into the session
 */
public record LoginIntent(Kind kind, String target, String sessionId, String clusterId) {

    public enum Kind { PAGE, CLI, UI }

    public static LoginIntent page(String localPath) {
        return new LoginIntent(Kind.PAGE, localPath, "", "");
    }

    public static LoginIntent cli(URI loopback, String sessionId, String clusterId) {
        return new LoginIntent(Kind.CLI, loopback.toString(), sessionId, clusterId);
    }

    public static LoginIntent ui(URI redirect, String sessionId, String clusterId) {
        return new LoginIntent(Kind.UI, redirect.toString(), sessionId, clusterId);
    }

    /** Whether the session travels in a cookie (page, ui) rather than to the CLI's listener. */
    public boolean usesCookie() {
        return kind != Kind.CLI;
    }

    /**
     * Where the browser goes once the session is issued, as a {@code Location} header carries it
     * ({@link LocationHeader}). For the CLI, the kube-bind protocol's redirect with the token in the query:
     * {@code redirect_url?access_token=...&token_type=Bearer&expires_in=...&cluster_id=...&session_id=...}.
     */
    public String redirect(IssuedSession issued, long expiresInSeconds) {
        if (kind != Kind.CLI) {
            return LocationHeader.of(target);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("access_token", issued.token());
        parameters.put("token_type", "Bearer");
        parameters.put("expires_in", Long.toString(expiresInSeconds));
        parameters.put("cluster_id", clusterId);
        parameters.put("session_id", sessionId);
        return LocationHeader.of(FormEncoding.withParameters(target, parameters));
    }
}
