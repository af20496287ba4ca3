package org.bindbackend.testing;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plays {@code kubectl bind login}: reads {@code authenticatedURL} from {@code /api/exports}, opens it with a
 * loopback {@code redirect_url}, logs in on the provider's form, and reads the token from the final redirect to
 * the CLI's listener (which the test does not need to run: the redirect's Location carries everything).
 */
public final class CliLogin {

    public static final String LISTENER = "http://127.0.0.1:41234/callback";

    private CliLogin() {
    }

    /** The query parameters of the redirect to the CLI's listener. */
    public static Map<String, String> login(BrowserlessLogin browser, URI authenticatedUrl, String sessionId,
            String clusterId, Map<String, String> loginForm) throws Exception {
        URI start = URI.create(authenticatedUrl + "?redirect_url=" + encode(LISTENER) + "&session_id=" + sessionId
                + "&client_type=cli&cluster_id=" + clusterId);
        HttpResponse<String> loginPage = browser.follow(start);
        HttpResponse<String> response = browser.submit(loginPage, loginForm);
        while (BrowserlessLogin.isRedirect(response) && !BrowserlessLogin.location(response).toString().startsWith(LISTENER)) {
            response = browser.get(BrowserlessLogin.location(response));
        }
        URI toListener = BrowserlessLogin.location(response);
        if (!toListener.toString().startsWith(LISTENER + "?")) {
            throw new AssertionError("Not redirected to the CLI listener: " + response.statusCode() + " " + toListener);
        }
        return query(toListener);
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    nameValue.length > 1 ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
        }
        return parameters;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
