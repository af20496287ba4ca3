package org.bindbackend.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.bindbackend.config.Settings;
import org.bindbackend.http.Loopback;
import org.bindbackend.login.LoginIntent;

/**
 * The kube-bind login request ({@code /api/authorize}): its parameters checked, so that the backend never sends a
 * token or a browser where it should not. The kube-bind Go backend redirects to any {@code redirect_url}; here
 * the CLI may only be answered on a loopback address (its local listener), and a web UI only on this backend or
 * an origin listed in {@code ui-allowed-origins}.
 */
final class KubeBindLoginRequest {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._~:-]{1,128}");

    /** Longer would not fit the login's cookie (4096 bytes, RFC 6265 §6.1) with the rest of the login. */
    static final int MAX_URL_LENGTH = 2048;

    private KubeBindLoginRequest() {
    }

    /** The login intent the parameters ask for, or a {@link BadRequest} naming every parameter at fault. */
    static LoginIntent parse(Map<String, String> parameters, Settings settings) throws BadRequest {
        List<String> problems = new ArrayList<>();
        String redirectUrl = parameters.getOrDefault("redirect_url", "");
        String sessionId = parameters.getOrDefault("session_id", "");
        String clusterId = parameters.getOrDefault("cluster_id", "");
        String clientType = parameters.getOrDefault("client_type", "ui").toLowerCase(Locale.ROOT);
        if (redirectUrl.isEmpty()) {
            problems.add("redirect_url is required");
        } else if (redirectUrl.length() > MAX_URL_LENGTH) {
            problems.add("redirect_url must be at most " + MAX_URL_LENGTH + " characters");
            redirectUrl = "";
        }
        if (sessionId.isEmpty()) {
            problems.add("session_id is required");
        } else if (!ID.matcher(sessionId).matches()) {
            problems.add("session_id must be 1 to 128 letters, digits or ._~:-");
        }
        if (!clusterId.isEmpty() && !ID.matcher(clusterId).matches()) {
            problems.add("cluster_id must be 1 to 128 letters, digits or ._~:-");
        }
        String consumerId = parameters.getOrDefault("consumer_id", "");
        if (!consumerId.isEmpty() && consumerId.length() > 512) {
            problems.add("consumer_id must be at most 512 characters");
        }
        if (!clientType.equals("cli") && !clientType.equals("ui")) {
            problems.add("client_type must be cli or ui");
        }
        URI redirect = redirectUrl.isEmpty() ? null : uri(redirectUrl, problems);
        if (redirect != null && clientType.equals("cli") && !isLoopback(redirect)) {
            problems.add("redirect_url must be an http address on this computer (127.0.0.1, [::1] or localhost) "
                    + "for client_type=cli, where the kube-bind CLI listens");
        }
        if (redirect != null && clientType.equals("ui") && !isAllowedUi(redirect, settings)) {
            problems.add("redirect_url must be on this backend or on an origin listed in ui-allowed-origins "
                    + "for client_type=ui");
        }
        if (!problems.isEmpty()) {
            throw new BadRequest("Invalid authorize request", String.join("; ", problems));
        }
        return clientType.equals("cli") ? LoginIntent.cli(redirect, sessionId, clusterId)
                : LoginIntent.ui(redirect, sessionId, clusterId);
    }

    private static URI uri(String text, List<String> problems) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                problems.add("redirect_url must be an absolute http(s) URL without user info or fragment");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add("redirect_url is not a URL");
            return null;
        }
    }

    private static boolean isLoopback(URI uri) {
        return "http".equals(uri.getScheme()) && Loopback.isLoopback(uri.getHost());
    }

    private static boolean isAllowedUi(URI uri, Settings settings) {
        URI origin = origin(uri);
        return origin.equals(origin(settings.externalUrl())) || settings.sessions().uiOrigins().contains(origin);
    }

    private static URI origin(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 && "http".equals(uri.getScheme())
                || port == 443 && "https".equals(uri.getScheme());
        return URI.create(uri.getScheme() + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }
}
