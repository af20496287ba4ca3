package org.bindbackend.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import org.bindbackend.config.BackendSettings;

/**
 * Finds the caller of a request: a bearer token (RFC 6750 §2.1; the CLI) first, else the session cookie (the
 * browser). Both are the same kind of credential, verified once per distinct token ({@link VerifiedTokens});
 * a revoked session is refused either way, on every request.
 */
@ApplicationScoped
public class Authenticator {

    private static final String BEARER = "Bearer ";

    @Inject
    SessionTokens sessionTokens;

    @Inject
    Revocations revocations;

    @Inject
    BackendSettings backendSettings;

    private final VerifiedTokens verified = new VerifiedTokens(Clock.systemUTC());

    public Verification authenticate(HttpServletRequest request) {
        return authenticate(request.getHeader("Authorization"),
                SessionCookie.read(request, SessionCookie.name(backendSettings.get())));
    }

    /**
     * @param authorization the {@code Authorization} header, or null
     * @param sessionCookie the value of the session cookie ({@link SessionCookie#name}), if sent
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
        Optional<Session> known = verified.get(token);
        Verification verification = known.map(Verification::valid).orElseGet(() -> sessionTokens.verify(token));
        if (!verification.isValid()) {
            return verification;
        }
        Session session = verification.session().get();
        if (revocations.isRevoked(session.id())) {
            return Verification.invalid(Verification.Problem.REVOKED);
        }
        if (known.isEmpty()) {
            verified.put(token, session);
        }
        return verification;
    }
}
