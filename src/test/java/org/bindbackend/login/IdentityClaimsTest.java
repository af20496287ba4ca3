package org.bindbackend.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bindbackend.config.Settings;
import org.bindbackend.config.TestSettings;
import org.bindbackend.session.Identity;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Identity is decided on claims the user cannot set: the Kubernetes API server's OpenID Connect rules. */
class IdentityClaimsTest {

    private static JwtClaims claims(String... namesAndValues) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestSettings.ISSUER);
        claims.setSubject("f3b1");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            claims.setStringClaim(namesAndValues[i], namesAndValues[i + 1]);
        }
        return claims;
    }

    private static String refusal(JwtClaims claims, Settings settings) {
        return assertThrows(LoginRefusedException.class, () -> IdentityClaims.of(claims, settings)).getMessage();
    }

    @Test
    void theUserNameIsTheConfiguredClaimAndNeverTheDisplayName() throws Exception {
        Identity identity = IdentityClaims.of(claims("preferred_username", "alice", "name", "Administrator"),
                TestSettings.external());
        assertEquals("alice", identity.username());
        assertTrue(refusal(claims("name", "alice"), TestSettings.external()).contains("preferred_username"));
    }

    @Test
    void anEmailNamesTheUserOnlyWhenTheProviderVerifiedIt() throws Exception {
        Settings byEmail = TestSettings.external("oidc.username-claim", "email");
        JwtClaims verified = claims("email", "alice@example.com");
        verified.setClaim("email_verified", true);
        assertEquals("alice@example.com", IdentityClaims.of(verified, byEmail).username());

        assertTrue(refusal(claims("email", "alice@example.com"), byEmail).contains("email_verified"));
        JwtClaims unverified = claims("email", "alice@example.com");
        unverified.setClaim("email_verified", false);
        assertTrue(refusal(unverified, byEmail).contains("email_verified"));
        JwtClaims asText = claims("email", "alice@example.com", "email_verified", "true");
        assertTrue(refusal(asText, byEmail).contains("email_verified"), "only the JSON boolean true counts");
    }

    @Test
    void theSubjectCanNameTheUser() throws Exception {
        assertEquals("f3b1", IdentityClaims.of(claims(), TestSettings.external("oidc.username-claim", "sub")).username());
    }

    @Test
    void anUnverifiedEmailIsShownAsSuch() throws Exception {
        Identity identity = IdentityClaims.of(claims("preferred_username", "alice", "email", "ceo@example.com"),
                TestSettings.external());
        assertEquals("ceo@example.com", identity.email());
        assertFalse(identity.emailVerified());
    }

    @Test
    void namesWithControlCharactersAreRefused() {
        assertTrue(refusal(claims("preferred_username", "alice\nSEVERE: forged"), TestSettings.external())
                .contains("control characters"));
        JwtClaims badSubject = claims("preferred_username", "alice");
        badSubject.setSubject("f3b1\r\n");
        assertTrue(refusal(badSubject, TestSettings.external()).contains("control characters"));
    }

    @Test
    void aGroupIsNeverSplitAndControlCharactersDropIt() throws Exception {
        JwtClaims claims = claims("preferred_username", "alice");
        claims.setStringListClaim("groups", "admins\nreaders", "engineering", "", "engineering", "ops\u2028x", "dev ops");
        assertEquals(List.of("engineering", "dev ops"), IdentityClaims.of(claims, TestSettings.external()).groups());
    }

    @Test
    void groupsComeFromTheGroupsClaimOnly() throws Exception {
        JwtClaims claims = claims("preferred_username", "alice", "roles", "admins");
        assertEquals(List.of(), IdentityClaims.of(claims, TestSettings.external()).groups());
        assertEquals(List.of("admins"), IdentityClaims.of(claims, TestSettings.external("oidc.groups-claim", "roles")).groups());
    }
}
