package org.bindbackend.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding the backend's scopes to the container's authorization request. */
class RequestedScopesTest {

    private static final List<String> SCOPES = List.of("openid", "profile", "email", "groups", "offline_access");

    @Test
    void addsTheMissingScopesAfterTheRequestsOwn() {
        String location = "https://idp.example.com/auth?client_id=c&scope=openid+email+profile&state=s%26t";

        assertEquals("https://idp.example.com/auth?client_id=c&scope=openid+email+profile+groups+offline_access"
                + "&state=s%26t", RequestedScopes.withScopes(location, SCOPES));
    }

    @Test
    void leavesARequestThatHasThemAllAsItIs() {
        String location = "https://idp.example.com/auth?scope=openid%20profile%20email%20groups%20offline_access&x=1";

        assertEquals(location, RequestedScopes.withScopes(location, SCOPES));
    }

    @Test
    void leavesLocationsWithoutAScopeParameterAlone() {
        assertEquals("/login?return=/", RequestedScopes.withScopes("/login?return=/", SCOPES));
        assertEquals("https://backend.example.com/", RequestedScopes.withScopes("https://backend.example.com/", SCOPES));
    }

    @Test
    void keepsTheFragment() {
        assertEquals("https://idp.example.com/auth?scope=openid+groups#f",
                RequestedScopes.withScopes("https://idp.example.com/auth?scope=openid#f", List.of("groups")));
    }
}
