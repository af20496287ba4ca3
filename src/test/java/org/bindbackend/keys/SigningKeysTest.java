package org.bindbackend.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.bindbackend.config.TestSettings;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwx.JsonWebStructure;
import org.junit.jupiter.api.Test;

/**
 * Rotating session-signing-key without logging anyone out: what a replica signs names its key, and a replica
 * accepts what its current key or one of session-accepted-keys signed. A rolling update in which replicas hold
 * different current keys works in both directions once each holds the other's as accepted.
 */
class SigningKeysTest {

    static final String OLD = TestKeys.SHARED_KEY;
    static final String NEW = "Zt4c8Qy1uN0wP5rK2mX7vB9jL3hD6fG1sA8eR4tY0iU2oW5qE7zC9xV3bN6mK1lP";
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static SigningKeys replica(String... settings) {
        return TestKeys.keys(TestSettings.external(settings));
    }

    private static String signed(SigningKeys keys) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("alice");
        return keys.hmac("sessions").sign(claims);
    }

    private static boolean accepts(SigningKeys keys, String jwt) {
        try {
            keys.hmac("sessions").verify(jwt, required -> required.setSkipDefaultAudienceValidation(), NOW);
            return true;
        } catch (InvalidJwtException e) {
            return false;
        }
    }

    @Test
    void whatIsSignedNamesItsKeyAndNotTheKeyItself() throws Exception {
        String jwt = signed(replica("session-signing-key", OLD));
        String keyId = JsonWebStructure.fromCompactSerialization(jwt).getKeyIdHeaderValue();
        assertEquals(12, keyId.length(), keyId);
        assertEquals(keyId, JsonWebStructure.fromCompactSerialization(signed(replica("session-signing-key", OLD)))
                .getKeyIdHeaderValue(), "every replica with the key names it alike");
        assertTrue(!OLD.contains(keyId));
    }

    @Test
    void aRollingUpdateWorksInBothDirections() {
        // Step 1 done everywhere: the new key accepted beside the old one, which still signs.
        SigningKeys notYetSwitched = replica("session-signing-key", OLD, "session-accepted-keys", NEW);
        // Step 2 under way: some replicas sign with the new key and still accept the old one.
        SigningKeys switched = replica("session-signing-key", NEW, "session-accepted-keys", OLD);
        assertTrue(accepts(switched, signed(notYetSwitched)), "old to new");
        assertTrue(accepts(notYetSwitched, signed(switched)), "new to old");
        // Step 3: the old key dropped once nothing it signed can still be valid.
        SigningKeys done = replica("session-signing-key", NEW);
        assertTrue(accepts(done, signed(switched)));
        assertTrue(!accepts(done, signed(notYetSwitched)), "the old key is no longer held");
    }

    @Test
    void aReplicaThatDoesNotHoldTheKeyRefuses() {
        assertTrue(!accepts(replica("session-signing-key", OLD), signed(replica("session-signing-key", NEW))));
        assertTrue(!accepts(replica(), signed(replica())), "keys made at start are each replica's own");
    }

    @Test
    void loginCookiesRotateAlike() throws Exception {
        SigningKeys notYetSwitched = replica("session-signing-key", OLD, "session-accepted-keys", NEW);
        SigningKeys switched = replica("session-signing-key", NEW, "session-accepted-keys", OLD);
        JwtClaims claims = new JwtClaims();
        claims.setStringClaim("state", "s");
        String sealed = switched.sealed("logins").seal(claims);
        assertEquals("s", notYetSwitched.sealed("logins").open(sealed, required -> required, NOW)
                .getStringClaimValue("state"));
        assertThrows(InvalidJwtException.class, () -> replica("session-signing-key", OLD).sealed("logins")
                .open(sealed, required -> required, NOW));
    }

    @Test
    void signedTextsComeBackOnlyUnchangedAndFromAKeyHeld() {
        SignedTexts texts = replica("session-signing-key", OLD).texts("revocations");
        String signed = texts.sign("{\"k\":\"s\"}");
        assertEquals(Optional.of("{\"k\":\"s\"}"), texts.open(signed));
        String[] parts = signed.split("\\.");
        String altered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];
        assertEquals(Optional.empty(), texts.open(altered));
        assertEquals(Optional.empty(), texts.open("garbage"));
        assertEquals(Optional.empty(), replica("session-signing-key", NEW).texts("revocations").open(signed));
        assertEquals(Optional.empty(), replica("session-signing-key", OLD).texts("other purpose").open(signed),
                "a text signed for one purpose never passes for another");
        assertEquals(Optional.of("{\"k\":\"s\"}"),
                replica("session-signing-key", NEW, "session-accepted-keys", OLD).texts("revocations").open(signed));
    }

    /**
     * The relay's key on every replica of a rolling update: derived from the client secret they share, so the same
     * whichever session key a replica signs with; one-way, and another for another purpose or another secret.
     */
    @Test
    void aSecretDerivedFromTheClientSecretIgnoresTheSessionKeysAndRevealsNothing() {
        String derived = SigningKeys.secret("client-secret", "relay");
        assertEquals(derived, SigningKeys.secret("client-secret", "relay"));
        assertNotEquals(derived, SigningKeys.secret("client-secret", "other purpose"));
        assertNotEquals(derived, SigningKeys.secret("another-client-secret", "relay"));
        assertFalse(derived.contains("client-secret"));
        assertEquals(43, derived.length(), "256 bits, base64url without padding");
        assertNotEquals(replica("session-signing-key", OLD).secret("relay"),
                replica("session-signing-key", NEW).secret("relay"), "unlike what the session key gives");
    }
}
