package org.bindbackend.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.SessionSettings;
import org.bindbackend.http.Cookies;
import org.bindbackend.metrics.Metrics;
import org.bindbackend.revocation.Revocation;
import org.bindbackend.revocation.Revocations;

/**
 * The backend's sessions, from issue to end: a login issues one ({@link #issue}), every request is checked for one
 * ({@link #authenticate}), a logout ends one ({@link #end}). The caller of a request is found by a bearer token
 * (RFC 6750 §2.1; the CLI) first, else the session cookie (the browser): both are the same credential
 * ({@link SessionTokens}), verified once per distinct token ({@link VerifiedTokens}); a revoked session is refused
 * either way, on every request.
 */
@ApplicationScoped
public class Sessions {

    private static final String BEARER = "Bearer ";

    @Inject
    SessionTokens sessionTokens;

    @Inject
    Revocations revocations;

    @Inject
    BackendSettings backendSettings;

    @Inject
    Clock clock;

    @Inject
    Metrics metrics;

    private volatile VerifiedTokens verified;

    /**
     * A new session for a verified identity, valid for {@code token-expiry}.
     *
     * @param providerSession the provider's session id ({@code sid} of the ID token), or empty when it named none
     */
    public IssuedSession issue(Identity identity, String clusterId, String providerSession) {
        return sessionTokens.issue(identity, clusterId, providerSession);
    }

    /** The {@code Set-Cookie} header value that keeps {@code issued} in the browser. */
    public String setCookie(IssuedSession issued) {
        return SessionCookie.setCookie(issued.token(), backendSettings.get());
    }

    /** The {@code Set-Cookie} header value that makes the browser forget its session. */
    public String clearCookie() {
        return SessionCookie.clearCookie(backendSettings.get());
    }

    /** The session cookie's name in this deployment, for callers that read cookies themselves (JAX-RS). */
    public String cookieName() {
        return SessionCookie.name(backendSettings.get());
    }

    /** Ends {@code session} here and on every replica: it is refused from now on, until it would have expired. */
    public void end(Session session) {
        revocations.revoke(Revocation.session(session.user(), session.id(),
                session.expiresAt().plus(SessionSettings.CLOCK_SKEW)));
        counted("here");
    }

    /** Ends every session and CLI token of the user of {@code session} issued up to now, on every replica. */
    public void endEverywhere(Session session) {
        Instant now = clock.instant();
        revocations.revoke(Revocation.user(session.user(), now, now.plus(Revocations.LONGEST_KEPT)));
        counted("everywhere");
    }

    /**
     * The provider's back-channel logout named {@code subject} at {@code issuer} alone: every session and CLI token
     * of that user issued up to now ends, on every replica.
     */
    public void endUser(String issuer, String subject) {
        Instant now = clock.instant();
        revocations.revoke(Revocation.user(user(issuer, subject), now, now.plus(Revocations.LONGEST_KEPT)));
        counted("backchannel");
    }

    /**
     * Ends every session and CLI token logged in through the provider's session {@code sid} at {@code issuer}, on
     * every replica; {@code subject} is the user the provider named with it, or empty.
     */
    public void endProviderSession(String issuer, String sid, String subject) {
        revocations.revoke(Revocation.providerSession(subject.isEmpty() ? "" : user(issuer, subject),
                providerSession(issuer, sid), clock.instant().plus(Revocations.LONGEST_KEPT)));
        counted("backchannel");
    }

    /** Counts a logout of {@code kind} ({@code bind.logouts}); the ones heard from the grid count in revocation. */
    private void counted(String kind) {
        metrics.logouts(kind).inc();
    }

    /** A user as revocations name them. */
    static String user(String issuer, String subject) {
        return issuer + " " + subject;
    }

    private static String providerSession(String issuer, String sid) {
        return issuer + " " + sid;
    }

    public Verification authenticate(HttpServletRequest request) {
        return authenticate(request.getHeader("Authorization"), Cookies.read(request, cookieName()));
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param sessionCookie the value of the session cookie ({@link #cookieName()}), if sent
     */
    public Verification authenticate(String authorization, Optional<String> sessionCookie) {
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    || authorization.length() == BEARER.length()) {
                return Verification.invalid(Verification.Problem.MALFORMED);
            }
            return check(authorization.substring(BEARER.length()).trim());
        }
        return sessionCookie.map(this::check).orElse(Verification.invalid(Verification.Problem.NONE));
    }

    /** The caller's identity when the request carries a valid session, for pages that work with or without one. */
    public Optional<Identity> caller(HttpServletRequest request) {
        return authenticate(request).session().map(Session::identity);
    }

    private Verification check(String token) {
        VerifiedTokens cache = verifiedTokens();
        Optional<Session> known = cache.get(token);
        Verification verification = known.map(Verification::valid).orElseGet(() -> sessionTokens.verify(token));
        if (!verification.isValid()) {
            return verification;
        }
        Session session = verification.session().get();
        if (revocations.revokes(session.user(), session.id(), session.providerSession().isEmpty() ? ""
                : providerSession(session.identity().issuer(), session.providerSession()),
                session.issuedAt().getEpochSecond())) {
            return Verification.invalid(Verification.Problem.REVOKED);
        }
        if (known.isEmpty()) {
            cache.put(token, session);
        }
        return verification;
    }

    private VerifiedTokens verifiedTokens() {
        VerifiedTokens made = verified;
        if (made == null) {
            made = new VerifiedTokens(clock);
            verified = made;
        }
        return made;
    }
}
