package org.bindbackend.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.TestSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private Authenticator authenticator;
    private IssuedSession issued;

    /** A request with just the given headers and cookies: all the authenticator reads. */
    static HttpServletRequest request(Map<String, String> headers, Cookie... cookies) {
        return (HttpServletRequest) Proxy.newProxyInstance(AuthenticatorTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getCookies" -> cookies.length == 0 ? null : cookies;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @BeforeEach
    void setUp() {
        authenticator = new Authenticator();
        authenticator.sessionTokens = SessionTokensTest.tokens();
        authenticator.backendSettings = BackendSettings.of(TestSettings.external());
        authenticator.revocations = new Revocations();
        authenticator.revocations.backendSettings = authenticator.backendSettings;
        issued = authenticator.sessionTokens.issue(new Identity("s", "iss", "n", "", false, List.of()), "");
    }

    @Test
    void acceptsABearerToken() {
        assertTrue(authenticator.authenticate(request(Map.of("Authorization", "Bearer " + issued.token()))).isValid());
        assertTrue(authenticator.authenticate(request(Map.of("Authorization", "bearer " + issued.token()))).isValid());
    }

    @Test
    void acceptsTheSessionCookie() {
        assertTrue(authenticator.authenticate(request(Map.of(), new Cookie(SessionCookie.SECURE_NAME, issued.token()))).isValid());
    }

    @Test
    void overHttpsOnlyTheHostPrefixedCookieCounts() {
        // A sibling subdomain can plant "kube-bind" for the whole domain, never "__Host-kube-bind".
        assertEquals(Verification.Problem.NONE,
                authenticator.authenticate(request(Map.of(), new Cookie(SessionCookie.NAME, issued.token()))).problem());
    }

    @Test
    void namesWhatIsWrong() {
        assertEquals(Verification.Problem.NONE, authenticator.authenticate(request(Map.of())).problem());
        assertEquals(Verification.Problem.MALFORMED,
                authenticator.authenticate(request(Map.of("Authorization", "Basic YTpi"))).problem());
        assertEquals(Verification.Problem.MALFORMED,
                authenticator.authenticate(request(Map.of("Authorization", "Bearer "))).problem());
        assertEquals(Verification.Problem.INVALID,
                authenticator.authenticate(request(Map.of("Authorization", "Bearer x.y.z"))).problem());
    }

    @Test
    void refusesARevokedSessionEitherWay() {
        authenticator.revocations.revoke(issued.session());
        assertEquals(Verification.Problem.REVOKED,
                authenticator.authenticate(request(Map.of("Authorization", "Bearer " + issued.token()))).problem());
        assertEquals(Verification.Problem.REVOKED,
                authenticator.authenticate(request(Map.of(), new Cookie(SessionCookie.SECURE_NAME, issued.token()))).problem());
    }
}
