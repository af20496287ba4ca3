package org.bindbackend.session;

import static org.bindbackend.testing.FakeRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bindbackend.config.SessionSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.config.TestSettings;
import org.bindbackend.keys.TestKeys;
import org.bindbackend.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final Settings settings = TestSettings.external("token-expiry", "1h");
    private Sessions sessions;
    private IssuedSession issued;

    @BeforeEach
    void setUp() {
        sessions = TestSessions.sessions(settings, clock);
        issued = sessions.issue(new Identity("s", "iss", "n", "", false, List.of()), "", "");
    }

    @Test
    void acceptsABearerToken() {
        assertTrue(sessions.authenticate(request(Map.of("Authorization", "Bearer " + issued.token()))).isValid());
        assertTrue(sessions.authenticate(request(Map.of("Authorization", "bearer " + issued.token()))).isValid());
    }

    @Test
    void acceptsTheSessionCookie() {
        assertTrue(sessions.authenticate(request(Map.of(), new Cookie(SessionCookie.SECURE_NAME, issued.token()))).isValid());
    }

    @Test
    void overHttpsOnlyTheHostPrefixedCookieCounts() {
        // A sibling subdomain can plant "kube-bind" for the whole domain, never "__Host-kube-bind".
        assertEquals(Verification.Problem.NONE,
                sessions.authenticate(request(Map.of(), new Cookie(SessionCookie.NAME, issued.token()))).problem());
    }

    @Test
    void namesWhatIsWrong() {
        assertEquals(Verification.Problem.NONE, sessions.authenticate(request(Map.of())).problem());
        assertEquals(Verification.Problem.MALFORMED,
                sessions.authenticate(request(Map.of("Authorization", "Basic YTpi"))).problem());
        assertEquals(Verification.Problem.MALFORMED,
                sessions.authenticate(request(Map.of("Authorization", "Bearer "))).problem());
        assertEquals(Verification.Problem.INVALID,
                sessions.authenticate(request(Map.of("Authorization", "Bearer x.y.z"))).problem());
    }

    @Test
    void refusesAnEndedSessionEitherWay() {
        sessions.end(issued.session());
        assertEquals(Verification.Problem.REVOKED,
                sessions.authenticate(request(Map.of("Authorization", "Bearer " + issued.token()))).problem());
        assertEquals(Verification.Problem.REVOKED,
                sessions.authenticate(request(Map.of(), new Cookie(SessionCookie.SECURE_NAME, issued.token()))).problem());
    }

    @Test
    void aSessionSeenBeforeStillExpiresOnTime() {
        String bearer = "Bearer " + issued.token();
        assertTrue(sessions.authenticate(request(Map.of("Authorization", bearer))).isValid(), "verified, and kept");
        clock.advance(Duration.ofHours(1).plus(SessionSettings.CLOCK_SKEW).plusSeconds(1));
        assertEquals(Verification.Problem.EXPIRED,
                sessions.authenticate(request(Map.of("Authorization", bearer))).problem());
    }

    @Test
    void anEndedSessionStaysRefusedUntilItWouldHaveExpired() {
        String bearer = "Bearer " + issued.token();
        sessions.end(issued.session());
        clock.advance(Duration.ofHours(1).plus(SessionSettings.CLOCK_SKEW).minusSeconds(1));
        sessions.end(sessions.issue(new Identity("t", "iss", "m", "", false, List.of()), "", "").session());
        assertEquals(Verification.Problem.REVOKED, sessions.authenticate(request(Map.of("Authorization", bearer))).problem(),
                "still within the session's life and leeway");
    }

    @Test
    void loggingOutEverywhereEndsEverySessionOfTheUserUntilNowAndNoOneElses() {
        IssuedSession cli = sessions.issue(issued.session().identity(), "cluster-1", "");
        IssuedSession other = sessions.issue(new Identity("t", "iss", "m", "", false, List.of()), "", "");
        sessions.endEverywhere(issued.session());
        assertEquals(Verification.Problem.REVOKED, bearer(issued).problem());
        assertEquals(Verification.Problem.REVOKED, bearer(cli).problem(), "the CLI token too");
        assertTrue(bearer(other).isValid(), "another user's session lives");
        clock.advance(Duration.ofSeconds(1));
        IssuedSession again = sessions.issue(issued.session().identity(), "", "");
        assertTrue(bearer(again).isValid(), "a login after it lives");
    }

    @Test
    void theProvidersSessionEndsTheSessionsThatCameFromIt() {
        Identity alice = new Identity("alice", "https://idp", "alice", "", false, List.of());
        IssuedSession browser = sessions.issue(alice, "", "sid-1");
        IssuedSession cli = sessions.issue(alice, "c", "sid-1");
        IssuedSession elsewhere = sessions.issue(alice, "", "sid-2");
        sessions.endProviderSession("https://idp", "sid-1", "alice");
        assertEquals(Verification.Problem.REVOKED, bearer(browser).problem());
        assertEquals(Verification.Problem.REVOKED, bearer(cli).problem());
        assertTrue(bearer(elsewhere).isValid(), "the same user's other provider session lives");
        sessions.endProviderSession("https://idp", "sid-2", "");
        assertEquals(Verification.Problem.REVOKED, bearer(elsewhere).problem(), "named without its user");
        assertEquals(Verification.Problem.REVOKED, bearer(sessions.issue(alice, "", "sid-2")).problem(),
                "a session that comes later from an ended provider session");
    }

    @Test
    void aTokenIssuedForLongerThanTokenExpiryAllowsNowIsRefused() {
        Sessions before = TestSessions.sessions(TestSettings.external("token-expiry", "2h",
                "session-signing-key", TestKeys.SHARED_KEY), clock);
        Sessions after = TestSessions.sessions(TestSettings.external("token-expiry", "1h",
                "session-signing-key", TestKeys.SHARED_KEY), clock);
        IssuedSession longLived = before.issue(issued.session().identity(), "", "");
        assertEquals(Verification.Problem.OUTLIVED, after.authenticate("Bearer " + longLived.token(),
                Optional.empty()).problem(), "token-expiry lowered to 1h: a 2h token is refused");
        assertTrue(before.authenticate("Bearer " + longLived.token(), Optional.empty()).isValid());
    }

    private Verification bearer(IssuedSession session) {
        return sessions.authenticate(request(Map.of("Authorization", "Bearer " + session.token())));
    }
}
