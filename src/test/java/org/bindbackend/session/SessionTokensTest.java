package org.bindbackend.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bindbackend.config.SessionSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.config.TestSettings;
import org.bindbackend.keys.TestKeys;
import org.bindbackend.testing.MutableClock;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    static final String SHARED_KEY = TestKeys.SHARED_KEY;
    static final String ISSUER = "https://login.example.com/realms/main";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final Identity alice = new Identity("f3b1", ISSUER, "alice", "alice@example.com",
            true, List.of("engineering", "devops"));

    private SessionTokens tokens(Settings settings) {
        return TestSessions.tokens(settings, clock);
    }

    private SessionTokens tokens(String... settings) {
        return tokens(TestSettings.external(settings));
    }

    @Test
    void aTokenItIssuedGivesBackTheSession() {
        SessionTokens tokens = tokens();
        IssuedSession issued = tokens.issue(alice, "cluster-1", "");
        Verification verification = tokens.verify(issued.token());
        assertEquals(Optional.of(issued.session()), verification.session());
        assertEquals(alice, verification.session().get().identity());
        assertEquals("cluster-1", verification.session().get().clusterId());
    }

    @Test
    void eachSessionHasItsOwnId() {
        SessionTokens tokens = tokens();
        assertNotEquals(tokens.issue(alice, "", "").session().id(), tokens.issue(alice, "", "").session().id());
    }

    @Test
    void withoutASharedKeyAnotherInstanceRefusesTheToken() {
        assertEquals(Verification.Problem.BAD_SIGNATURE, tokens().verify(tokens().issue(alice, "", "").token()).problem());
    }

    @Test
    void withASharedKeyEveryInstanceAcceptsTheToken() {
        String token = tokens("session-signing-key", SHARED_KEY).issue(alice, "", "").token();
        assertTrue(tokens("session-signing-key", SHARED_KEY).verify(token).isValid());
    }

    @Test
    void anotherDeploymentWithTheSameKeyRefusesTheToken() {
        String token = tokens("session-signing-key", SHARED_KEY).issue(alice, "", "").token();
        SessionTokens other = tokens("session-signing-key", SHARED_KEY, "external-url", "https://other.example.com");
        assertEquals(Verification.Problem.FOREIGN, other.verify(token).problem());
    }

    @Test
    void theTokenNamesThisDeploymentAsIssuerAndAudience() {
        String payload = new String(Base64.getUrlDecoder().decode(tokens().issue(alice, "", "").token().split("\\.")[1]));
        assertTrue(payload.contains("\"iss\":\"" + TestSettings.EXTERNAL_URL + "\""), payload);
        assertTrue(payload.contains("\"aud\":\"" + TestSettings.EXTERNAL_URL + "\""), payload);
        assertTrue(payload.contains("\"idp\":\"" + ISSUER + "\""), payload);
    }

    @Test
    void aTokenExpiresAfterItsLifetimeAndTheLeewayBetweenReplicas() {
        SessionTokens tokens = tokens("token-expiry", "30m");
        String token = tokens.issue(alice, "", "").token();
        clock.advance(Duration.ofMinutes(30).plus(SessionSettings.CLOCK_SKEW).minusSeconds(1));
        assertTrue(tokens.verify(token).isValid(), "within the leeway");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Verification.Problem.EXPIRED, tokens.verify(token).problem());
    }

    @Test
    void aTamperedTokenIsRefused() {
        SessionTokens tokens = tokens();
        String[] parts = tokens.issue(alice, "", "").token().split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("alice", "mallory").getBytes());
        assertFalse(tokens.verify(parts[0] + "." + forged + "." + parts[2]).isValid());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        SessionTokens tokens = tokens();
        String[] parts = tokens.issue(alice, "", "").token().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertFalse(tokens.verify(none + "." + parts[1] + ".").isValid());
    }

    @Test
    void aForgeryAndAnotherDeploymentsTokenAreToldAlike() {
        assertEquals(Verification.Problem.INVALID.details(), Verification.Problem.BAD_SIGNATURE.details());
        assertEquals(Verification.Problem.INVALID.details(), Verification.Problem.FOREIGN.details());
    }

    @Test
    void garbageIsRefused() {
        assertFalse(tokens().verify("not-a-token").isValid());
        assertFalse(tokens().verify("").isValid());
    }

    @Test
    void threeHundredGroupsStillFitInACookie() {
        List<String> groups = IntStream.range(0, 300).mapToObj(i -> "kube-bind-team-" + i + "-engineering").toList();
        Identity member = new Identity("f3b1", ISSUER, "alice", "alice@example.com", true, groups);
        SessionTokens tokens = tokens();
        String token = tokens.issue(member, "cluster-1", "").token();
        String cookie = SessionCookie.SECURE_NAME + "=" + token;
        assertTrue(cookie.length() < 4096, "cookie of " + cookie.length() + " bytes");
        assertEquals(groups, tokens.verify(token).session().get().identity().groups());
    }

    @Test
    void fewGroupsStayReadableInTheToken() {
        String payload = new String(Base64.getUrlDecoder().decode(tokens().issue(alice, "", "").token().split("\\.")[1]));
        assertTrue(payload.contains("\"groups\":[\"engineering\",\"devops\"]"), payload);
    }

    @Test
    void randomGroupIdsArePackedLosslessly() {
        List<String> groups = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID().toString()).toList();
        assertEquals(groups, CompactGroups.unpack(CompactGroups.pack(groups)));
        assertEquals(List.of(), CompactGroups.unpack(CompactGroups.pack(List.of())));
    }

    @Test
    void aGroupNameIsNeverReadBackAsTwo() {
        List<String> groups = List.of("admins\nreaders", "a,b", "\"quoted\"");
        assertEquals(groups, CompactGroups.unpack(CompactGroups.pack(groups)));
    }
}
