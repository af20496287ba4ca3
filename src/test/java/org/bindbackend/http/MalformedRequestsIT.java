package org.bindbackend.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bindbackend.testing.BackendServer;
import org.bindbackend.testing.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A battery of malformed requests on every route that reads a body, a header, a cookie or a query: each is the
 * client's mistake and gets a 4xx with a readable answer, never a 500 and never a stack trace.
 */
class MalformedRequestsIT {

    static BackendServer server;

    @BeforeAll
    static void start() throws Exception {
        server = BackendServer.start(Map.of("oidc.type", "embedded"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private record Case(String what, String head, String body) {
    }

    private static Case post(String what, String target, String contentType, String body) {
        return new Case(what, "POST " + target + " HTTP/1.1\r\n" + (contentType == null ? "" : "Content-Type: "
                + contentType + "\r\n") + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n", body);
    }

    private static Case get(String what, String target, String... headers) {
        return new Case(what, "GET " + target + " HTTP/1.1\r\n" + String.join("", headers), "");
    }

    static List<Case> cases() {
        String huge = "x".repeat(200_000);
        List<Case> cases = new ArrayList<>(List.of(
                post("authorize: JSON that does not parse", "/api/authorize", "application/json", "{\"redirect_url\":"),
                post("authorize: a JSON array", "/api/authorize", "application/json", "[1,2]"),
                post("authorize: a JSON string", "/api/authorize", "application/json", "\"x\""),
                post("authorize: an empty JSON body", "/api/authorize", "application/json", ""),
                post("authorize: JSON members of the wrong type", "/api/authorize", "application/json",
                        "{\"redirect_url\":[1],\"session_id\":{\"a\":1}}"),
                post("authorize: a huge JSON body", "/api/authorize", "application/json", "{\"session_id\":\"" + huge + "\"}"),
                post("authorize: a form with bad percent-encoding", "/api/authorize",
                        "application/x-www-form-urlencoded", "redirect_url=%zz&session_id=%"),
                post("authorize: plain text", "/api/authorize", "text/plain", "hello"),
                post("authorize: no content type", "/api/authorize", null, "redirect_url=x"),
                post("authorize: a redirect_url of 100 kB", "/api/authorize", "application/x-www-form-urlencoded",
                        "client_type=cli&session_id=s&redirect_url=http://127.0.0.1/" + huge.substring(0, 100_000)),
                get("authorize: bad percent-encoding in the query", "/api/authorize?redirect_url=%zz&session_id=%G1"),
                get("authorize: repeated parameters", "/api/authorize?session_id=a&session_id=b&redirect_url=x"),
                get("whoami: a bearer token of garbage", "/api/whoami", "Authorization: Bearer \u00e9\u00e8.x.y\r\n"),
                get("whoami: a bearer token of 7 kB", "/api/whoami", "Authorization: Bearer " + huge.substring(0, 7000) + "\r\n"),
                get("whoami: a bearer token with spaces", "/api/whoami", "Authorization: Bearer a b c\r\n"),
                get("whoami: another scheme", "/api/whoami", "Authorization: Digest x\r\n"),
                get("whoami: a token of three dots", "/api/whoami", "Authorization: Bearer ...\r\n"),
                get("whoami: a cookie without value", "/api/whoami", "Cookie: kube-bind=\r\n"),
                get("whoami: a quoted unterminated cookie", "/api/whoami", "Cookie: kube-bind=\"abc\r\n"),
                get("whoami: a cookie of garbage", "/api/whoami", "Cookie: kube-bind=%%%; kube-bind-login=$$$\r\n"),
                get("whoami: an Accept header of garbage", "/api/whoami", "Accept: */*;q=bad;;\r\n"),
                get("callback: bad percent-encoding", "/api/callback?code=%zz&state=%"),
                get("callback: repeated state", "/api/callback?code=c&state=a&state=b"),
                get("callback: a huge state", "/api/callback?code=c&state=" + huge.substring(0, 6000)),
                get("callback: an error with bad encoding", "/api/callback?error=%zz&error_description=%"),
                get("callback: a login cookie of garbage", "/api/callback?code=c&state=s",
                        "Cookie: kube-bind-login=eyJ.eyJ.sig\r\n"),
                get("login: a return of 6 kB", "/login?return=/" + huge.substring(0, 6000)),
                new Case("logout: a malformed Origin", "POST /api/logout HTTP/1.1\r\nOrigin: ::::\r\nContent-Length: 0\r\n", ""),
                post("ping: a body where none belongs", "/api/ping", "application/json", "{"),
                new Case("exports: an unknown method", "DELETE /api/exports HTTP/1.1\r\n", ""),
                new Case("ping: an unknown method", "PATCH /api/ping HTTP/1.1\r\nContent-Length: 0\r\n", ""),
                post("provider token: a form with bad encoding", "/oidc/token", "application/x-www-form-urlencoded", "grant_type=%zz"),
                post("provider token: a body of 100 kB", "/oidc/token", "application/x-www-form-urlencoded", huge.substring(0, 100_000)),
                post("provider login: JSON instead of a form", "/oidc/login", "application/json", "{}"),
                get("provider authorize: bad encoding", "/oidc/authorize?client_id=%zz&redirect_uri=%"),
                get("provider userinfo: a bearer token of garbage", "/oidc/userinfo", "Authorization: Bearer \u0001\r\n")));
        return cases;
    }

    /** Odd but harmless: answered as the container reads them (a page, a redirect), never with a server error. */
    static List<Case> tolerated() {
        return List.of(
                get("home: a session cookie of garbage", "/", "Cookie: kube-bind=a.b.c\r\n"),
                get("login: bad percent-encoding in return", "/login?return=%zz"),
                get("provider health: a query with bad encoding", "/healthz/oidc-provider?x=%zz"),
                get("exports: a query of garbage", "/api/exports?%%%=&&=="));
    }

    @Test
    void everyMalformedRequestIsAClientErrorWithoutStackTrace() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Case c : cases()) {
            RawHttp.Response response = RawHttp.send(server.port(), c.head(), c.body());
            boolean clientError = response.status() >= 400 && response.status() < 500;
            boolean stackTrace = response.body().contains("Exception") || response.body().contains("\tat ");
            if (!clientError || stackTrace) {
                wrong.add(c.what() + ": " + response.status() + " " + response.body().substring(0,
                        Math.min(300, response.body().length())));
            }
        }
        assertEquals(List.of(), wrong, "not a clean 4xx");
    }

    @Test
    void oddButHarmlessRequestsNeverFail() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Case c : tolerated()) {
            RawHttp.Response response = RawHttp.send(server.port(), c.head(), c.body());
            if (response.status() >= 500 || response.body().contains("Exception")) {
                wrong.add(c.what() + ": " + response.status() + " " + response.body());
            }
        }
        assertEquals(List.of(), wrong, "a server error");
    }
}
