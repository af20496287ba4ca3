package org.bindbackend.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Finds the caller of a request: a bearer token (RFC 6750 §2.1; the CLI) first, else the session cookie (the
 * browser). Both are the same kind of credential; a revoked session is refused either way.
 */
@ApplicationScoped
public class Authenticator {

    private static final String BEARER = "Bearer ";

    @Inject
    SessionTokens sessionTokens;

    @Inject
    Revocations revocations;

    public Verification authenticate(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    || authorization.length() == BEARER.length()) {
                return Verification.invalid(Verification.Problem.MALFORMED);
            }
            return check(authorization.substring(BEARER.length()).trim());
        }
        return SessionCookie.read(request).map(this::check).orElse(Verification.invalid(Verification.Problem.NONE));
    }

    /** The caller's identity when the request carries a valid session, for pages that work with or without one. */
    public Optional<Identity> caller(HttpServletRequest request) {
        return authenticate(request).session().map(Session::identity);
    }

    private Verification check(String token) {
        Verification verification = sessionTokens.verify(token);
        if (verification.isValid() && revocations.isRevoked(verification.session().get().id())) {
            return Verification.invalid(Verification.Problem.REVOKED);
        }
        return verification;
    }
}
