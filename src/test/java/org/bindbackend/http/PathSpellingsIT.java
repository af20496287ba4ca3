package org.bindbackend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.BrowserlessLogin;
import org.bindbackend.testing.CliLogin;
import org.bindbackend.testing.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * The same path spelled the ways an attacker tries first, sent byte for byte: in external mode none of them reaches
 * the embedded provider, whatever the server routes to its servlet; and no spelling of a protected API route gets
 * past the API's authentication. The embedded-mode control shows that the spellings do reach the provider's
 * servlet on this server, so that the external-mode test has something to refuse.
 */
class PathSpellingsIT {

    static final String CLIENT_ID = "real-client";
    static final String CLIENT_SECRET = "real-client-secret-that-must-not-be-guessed";

    /** Text only the embedded provider writes. */
    private static final List<String> PROVIDER_MARKERS = List.of("authorization_endpoint", "\"keys\"",
            "\"error\":\"invalid_", "\"error\":\"unsupported_", "development login", "any username and password");

    /** A request to one of the provider's routes; {@code rest} is the path below {@code /oidc}. */
    private record ProviderRequest(String method, String rest, String query, String form) {
    }

    private static final List<ProviderRequest> PROVIDER_REQUESTS = List.of(
            new ProviderRequest("GET", "/.well-known/openid-configuration", "", ""),
            new ProviderRequest("GET", "/.well-known/jwks.json", "", ""),
            new ProviderRequest("GET", "/authorize", "?client_id=" + CLIENT_ID + "&response_type=code&scope=openid"
                    + "&state=s&nonce=n&redirect_uri=http%3A%2F%2F127.0.0.1%2Fapi%2Fcallback", ""),
            new ProviderRequest("POST", "/token", "", "grant_type=authorization_code&code=c&client_id=" + CLIENT_ID
                    + "&client_secret=a-guess&redirect_uri=http%3A%2F%2F127.0.0.1%2Fapi%2Fcallback"),
            new ProviderRequest("POST", "/login", "", "transaction=t&username=u&password=p"),
            new ProviderRequest("GET", "/userinfo", "", ""),
            new ProviderRequest("GET", "/end-session", "", ""));

    /**
     * {@code first + rest} spelled in many ways that servers may route alike: percent-encoding, dot segments, path
     * parameters, repeated, encoded and back slashes, case, double and overlong encoding, NUL, trailing oddities.
     * {@code first} is the first segment with its slash ({@code /oidc}), {@code rest} the remaining path.
     */
    static Map<String, String> spellings(String first, String rest) {
        String name = first.substring(1);
        String hex = Integer.toHexString(name.charAt(0)).toUpperCase(Locale.ROOT);
        String tail = rest.substring(1);
        Map<String, String> spelled = new LinkedHashMap<>();
        spelled.put("as is", first + rest);
        spelled.put("percent-encoded letter", "/%" + hex + name.substring(1) + rest);
        spelled.put("lower-case percent-encoding", "/%" + hex.toLowerCase(Locale.ROOT) + name.substring(1) + rest);
        spelled.put("percent-encoded letter later", first + rest.substring(0, rest.length() - 1) + "%"
                + Integer.toHexString(rest.charAt(rest.length() - 1)).toUpperCase(Locale.ROOT));
        spelled.put("leading dot segment", "/." + first + rest);
        spelled.put("inner dot segment", first + "/." + rest);
        spelled.put("double-dot segment", "/x/.." + first + rest);
        spelled.put("encoded double-dot segment", "/x/%2e%2e" + first + rest);
        spelled.put("encoded dot segment", "/%2e" + first + rest);
        spelled.put("inner encoded dot segment", first + "/%2E" + rest);
        spelled.put("double-dot above the root", "/.." + first + rest);
        spelled.put("encoded double-dot above the root", "/%2E%2E" + first + rest);
        spelled.put("path parameter", first + ";x" + rest);
        spelled.put("session id parameter", first + ";jsessionid=0" + rest);
        spelled.put("empty segment with parameter", "/;x" + first + rest);
        spelled.put("trailing path parameter", first + rest + ";x");
        spelled.put("leading double slash", "/" + first + rest);
        spelled.put("inner double slash", first + "/" + rest);
        spelled.put("encoded slash", first + "%2F" + tail);
        spelled.put("lower-case encoded slash", first + "%2f" + tail);
        spelled.put("backslash", first + "\\" + tail);
        spelled.put("leading backslash", "\\" + name + rest);
        spelled.put("upper case", first.toUpperCase(Locale.ROOT) + rest);
        spelled.put("double percent-encoding", "/%25" + hex + name.substring(1) + rest);
        spelled.put("overlong UTF-8 slash", first + "%c0%af" + tail);
        spelled.put("encoded NUL", first + "%00" + rest);
        spelled.put("trailing slash", first + rest + "/");
        spelled.put("trailing encoded space", first + rest + "%20");
        return spelled;
    }

    private static RawHttp.Response send(BackendServer server, ProviderRequest request, String path) throws Exception {
        return request.method().equals("GET") ? RawHttp.get(server.port(), path + request.query())
                : RawHttp.post(server.port(), path, "application/x-www-form-urlencoded", request.form());
    }

    private static boolean fromTheProvider(RawHttp.Response response) {
        return PROVIDER_MARKERS.stream().anyMatch(response.body()::contains)
                || response.header("WWW-Authenticate").startsWith("Basic");
    }

    @Test
    void inExternalModeNoSpellingReachesTheEmbeddedProvider() throws Exception {
        try (BackendServer server = BackendServer.start(Map.of("oidc.issuer-url", "http://127.0.0.1:9/realms/main",
                "oidc.issuer-client-id", CLIENT_ID, "oidc.issuer-client-secret", CLIENT_SECRET))) {
            assertEquals(200, RawHttp.get(server.port(), "/api/exports").status(), "the backend serves");
            List<String> reached = new ArrayList<>();
            for (ProviderRequest request : PROVIDER_REQUESTS) {
                for (Map.Entry<String, String> spelling : spellings("/oidc", request.rest()).entrySet()) {
                    RawHttp.Response response = send(server, request, spelling.getValue());
                    if (fromTheProvider(response) || response.status() >= 500) {
                        reached.add(request.method() + " " + spelling.getValue() + " (" + spelling.getKey() + "): "
                                + response);
                    }
                }
            }
            assertEquals(List.of(), reached, "answered by the embedded provider, or with a server error");
            assertFalse(server.log().contains(CLIENT_SECRET), "the client secret reached the log");
        }
    }

    @Test
    void inEmbeddedModeTheSpellingsReachTheProviderWhereTheServerRoutesThem() throws Exception {
        try (BackendServer server = BackendServer.start(Map.of("oidc.type", "embedded"))) {
            ProviderRequest discovery = PROVIDER_REQUESTS.get(0);
            List<String> routed = new ArrayList<>();
            for (Map.Entry<String, String> spelling : spellings("/oidc", discovery.rest()).entrySet()) {
                RawHttp.Response response = send(server, discovery, spelling.getValue());
                assertNotEquals(500, response.status(), spelling.getValue() + ": " + response);
                if (fromTheProvider(response)) {
                    routed.add(spelling.getKey());
                }
            }
            System.out.println(BackendServer.runtime() + " routes these spellings of /oidc/... to the provider: " + routed);
            assertTrue(routed.containsAll(List.of("as is", "percent-encoded letter", "leading dot segment",
                    "double-dot segment", "leading double slash")), "routed: " + routed);
        }
    }

    @Test
    void noSpellingOfAProtectedApiRouteIsServedWithoutCredentials() throws Exception {
        try (BackendServer server = BackendServer.start(Map.of("oidc.type", "embedded"))) {
            String token = CliLogin.login(new BrowserlessLogin(), server.uri("/api/authorize"), "s-1", "c-1",
                    Map.of("username", "mallory", "password", "x")).get("access_token");
            RawHttp.Response withToken = RawHttp.send(server.port(), "GET /api/ping HTTP/1.1\r\nAuthorization: Bearer "
                    + token + "\r\n", "");
            assertEquals("pong", withToken.body(), "the control: a token is served");
            List<String> served = new ArrayList<>();
            for (String route : List.of("/ping", "/whoami")) {
                for (Map.Entry<String, String> spelling : spellings("/api", route).entrySet()) {
                    RawHttp.Response response = RawHttp.get(server.port(), spelling.getValue());
                    if (response.status() >= 500 || response.body().contains("pong")
                            || response.body().contains("\"sub\"")) {
                        served.add(spelling.getValue() + " (" + spelling.getKey() + "): " + response);
                    }
                }
            }
            assertEquals(List.of(), served, "served without credentials, or answered with a server error");
        }
    }
}
