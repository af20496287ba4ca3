package org.bindbackend.external;

import java.util.Map;

/**
 * The users of the test realm (src/test/resources/keycloak/bind-realm.json), so that a test names a person rather
 * than repeating passwords and emails.
 */
enum RealmUser {

    /** Groups engineering and devops. */
    ALICE("alice"),
    /** Group sales. */
    BOB("bob"),
    /** No group. */
    CAROL("carol");

    private final String username;

    RealmUser(String username) {
        this.username = username;
    }

    String username() {
        return username;
    }

    String password() {
        return username + "-password";
    }

    String email() {
        return username + "@example.com";
    }

    /** The fields of Keycloak's login form ({@code kc-form-login}) filled in as this user. */
    Map<String, String> loginForm() {
        return Map.of("username", username, "password", password());
    }
}
