package org.bindbackend.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.bindbackend.config.Settings;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static Settings allowing(Set<String> users, Set<String> groups) {
        Settings s = IdTokenVerifierTest.settings();
        return new Settings(s.mode(), s.externalUrl(), s.issuerUrl(), s.clientId(), s.clientSecret(), false,
                s.callbackUrl(), s.authorizeUrl(), s.caFile(), users, groups, s.extraScopes(), s.usernameClaim(),
                s.emailClaim(), s.groupsClaim(), s.signingAlgorithms(), s.providerPrettyName(), s.sessions(), s.verbosity());
    }

    private final Identity alice = new Identity("f3b1", "iss", "alice", "alice@example.com", List.of("engineering"));

    @Test
    void withoutListsEveryoneIsAllowed() {
        assertTrue(AccessPolicy.allows(allowing(Set.of(), Set.of()), alice));
    }

    @Test
    void aUserIsAllowedByNameEmailOrSubject() {
        assertTrue(AccessPolicy.allows(allowing(Set.of("alice"), Set.of()), alice));
        assertTrue(AccessPolicy.allows(allowing(Set.of("alice@example.com"), Set.of()), alice));
        assertTrue(AccessPolicy.allows(allowing(Set.of("f3b1"), Set.of()), alice));
    }

    @Test
    void aUserIsAllowedByGroup() {
        assertTrue(AccessPolicy.allows(allowing(Set.of("bob"), Set.of("engineering")), alice));
    }

    @Test
    void aUserInNeitherListIsRefused() {
        assertFalse(AccessPolicy.allows(allowing(Set.of("bob"), Set.of("sales")), alice));
        assertFalse(AccessPolicy.allows(allowing(Set.of(), Set.of("sales")), alice));
    }

    @Test
    void anEmptyEmailMatchesNoAllowedUser() {
        Identity noEmail = new Identity("s", "iss", "n", "", List.of());
        assertFalse(AccessPolicy.allows(allowing(Set.of(""), Set.of()), noEmail));
    }
}
