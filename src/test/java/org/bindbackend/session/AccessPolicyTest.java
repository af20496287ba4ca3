package org.bindbackend.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bindbackend.config.Settings;
import org.bindbackend.config.TestSettings;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static Settings allowing(String users, String groups) {
        return TestSettings.external("oidc.allowed-users", users, "oidc.allowed-groups", groups);
    }

    private final Identity alice = new Identity("f3b1", "iss", "alice", "alice@example.com", true, List.of("engineering"));

    @Test
    void withoutListsEveryoneIsAllowed() {
        assertTrue(AccessPolicy.allows(TestSettings.external(), alice));
    }

    @Test
    void aUserIsAllowedByUserNameOrSubject() {
        assertTrue(AccessPolicy.allows(allowing("alice", ""), alice));
        assertTrue(AccessPolicy.allows(allowing("f3b1", ""), alice));
    }

    @Test
    void anEmailThatIsNotTheUserNameAllowsNobody() {
        // The email claim is informational: only oidc.username-claim=email makes it (verified) the user name.
        assertFalse(AccessPolicy.allows(allowing("alice@example.com", ""), alice));
    }

    @Test
    void aUserIsAllowedByGroup() {
        assertTrue(AccessPolicy.allows(allowing("bob", "engineering"), alice));
    }

    @Test
    void aUserInNeitherListIsRefused() {
        assertFalse(AccessPolicy.allows(allowing("bob", "sales"), alice));
        assertFalse(AccessPolicy.allows(allowing("", "sales"), alice));
    }
}
