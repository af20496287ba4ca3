package org.bindbackend.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Secret;
import org.bindbackend.config.SessionSettings;
import org.bindbackend.config.Settings;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    static final String SHARED_KEY = "a-key-shared-by-every-replica-0123456789";
    private final Identity alice = new Identity("f3b1", IdTokenVerifierTest.ISSUER, "alice", "alice@example.com",
            List.of("engineering", "devops"));

    static Settings settings(Optional<Secret> key, Duration expiry) {
        Settings s = IdTokenVerifierTest.settings();
        return new Settings(s.mode(), s.externalUrl(), s.issuerUrl(), s.clientId(), s.clientSecret(), false,
                s.callbackUrl(), s.authorizeUrl(), s.caFile(), s.allowedUsers(), s.allowedGroups(), s.extraScopes(),
                s.usernameClaim(), s.emailClaim(), s.groupsClaim(), s.signingAlgorithms(), s.providerPrettyName(),
                new SessionSettings(key, expiry, Set.of(), false), s.verbosity());
    }

    static SessionTokens tokens(Optional<Secret> key, Duration expiry) {
        SessionTokens tokens = new SessionTokens();
        tokens.backendSettings = BackendSettings.of(settings(key, expiry));
        tokens.init();
        return tokens;
    }

    static SessionTokens tokens() {
        return tokens(Optional.empty(), Duration.ofHours(1));
    }

    @Test
    void aTokenItIssuedGivesBackTheSession() {
        SessionTokens tokens = tokens();
        IssuedSession issued = tokens.issue(alice, "cluster-1");
        Verification verification = tokens.verify(issued.token());
        assertEquals(Optional.of(issued.session()), verification.session());
        assertEquals(alice, verification.session().get().identity());
        assertEquals("cluster-1", verification.session().get().clusterId());
    }

    @Test
    void eachSessionHasItsOwnId() {
        SessionTokens tokens = tokens();
        assertNotEquals(tokens.issue(alice, "").session().id(), tokens.issue(alice, "").session().id());
    }

    @Test
    void withoutASharedKeyAnotherInstanceRefusesTheToken() {
        assertEquals(Verification.Problem.INVALID, tokens().verify(tokens().issue(alice, "").token()).problem());
    }

    @Test
    void withASharedKeyEveryInstanceAcceptsTheToken() {
        Optional<Secret> key = Optional.of(new Secret(SHARED_KEY));
        String token = tokens(key, Duration.ofHours(1)).issue(alice, "").token();
        assertTrue(tokens(key, Duration.ofHours(1)).verify(token).isValid());
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        SessionTokens tokens = tokens(Optional.empty(), Duration.ofSeconds(-SessionTokens.CLOCK_SKEW_SECONDS - 5));
        assertEquals(Verification.Problem.EXPIRED, tokens.verify(tokens.issue(alice, "").token()).problem());
    }

    @Test
    void aTamperedTokenIsRefused() {
        SessionTokens tokens = tokens();
        String[] parts = tokens.issue(alice, "").token().split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("alice", "mallory").getBytes());
        assertFalse(tokens.verify(parts[0] + "." + forged + "." + parts[2]).isValid());
    }

    @Test
    void anUnsignedTokenIsRefused() {
        SessionTokens tokens = tokens();
        String[] parts = tokens.issue(alice, "").token().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        assertFalse(tokens.verify(none + "." + parts[1] + ".").isValid());
    }

    @Test
    void garbageIsRefused() {
        assertFalse(tokens().verify("not-a-token").isValid());
        assertFalse(tokens().verify("").isValid());
    }

    @Test
    void threeHundredGroupsStillFitInACookie() {
        List<String> groups = IntStream.range(0, 300).mapToObj(i -> "kube-bind-team-" + i + "-engineering").toList();
        Identity member = new Identity("f3b1", IdTokenVerifierTest.ISSUER, "alice", "alice@example.com", groups);
        SessionTokens tokens = tokens();
        String token = tokens.issue(member, "cluster-1").token();
        String cookie = SessionCookie.NAME + "=" + token;
        assertTrue(cookie.length() < 4096, "cookie of " + cookie.length() + " bytes");
        assertEquals(groups, tokens.verify(token).session().get().identity().groups());
    }

    @Test
    void fewGroupsStayReadableInTheToken() {
        String payload = new String(Base64.getUrlDecoder().decode(tokens().issue(alice, "").token().split("\\.")[1]));
        assertTrue(payload.contains("\"groups\":[\"engineering\",\"devops\"]"), payload);
    }

    @Test
    void randomGroupIdsArePackedLosslessly() {
        List<String> groups = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID().toString()).toList();
        assertEquals(groups, CompactGroups.unpack(CompactGroups.pack(groups)));
        assertEquals(List.of(), CompactGroups.unpack(CompactGroups.pack(List.of())));
    }
}
