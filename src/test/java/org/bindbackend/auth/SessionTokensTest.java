package org.bindbackend.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.bindbackend.config.BackendSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    private SessionTokens tokens;
    private final Identity alice = new Identity("f3b1", IdTokenVerifierTest.ISSUER, "alice", "alice@example.com",
            List.of("engineering", "devops"));

    static SessionTokens tokens() {
        SessionTokens tokens = new SessionTokens();
        tokens.backendSettings = BackendSettings.of(IdTokenVerifierTest.settings());
        tokens.init();
        return tokens;
    }

    @BeforeEach
    void setUp() {
        tokens = tokens();
    }

    @Test
    void aTokenItIssuedGivesBackTheIdentity() {
        assertEquals(Optional.of(alice), tokens.verify(tokens.issue(alice)));
    }

    @Test
    void eachSessionHasItsOwnToken() {
        assertNotEquals(tokens.issue(alice), tokens.issue(alice));
    }

    @Test
    void anotherInstancesTokenIsRefused() {
        assertTrue(tokens().verify(tokens.issue(alice)).isEmpty());
    }

    @Test
    void aTamperedTokenIsRefused() {
        String token = tokens.issue(alice);
        String[] parts = token.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("alice", "mallory").getBytes());
        assertTrue(tokens.verify(parts[0] + "." + forgedPayload + "." + parts[2]).isEmpty());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String[] parts = tokens.issue(alice).split("\\.");
        String none = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertTrue(tokens.verify(none + "." + parts[1] + ".").isEmpty());
    }

    @Test
    void garbageIsRefused() {
        assertTrue(tokens.verify("not-a-token").isEmpty());
        assertTrue(tokens.verify("").isEmpty());
    }
}
