package org.bindbackend.session;

import java.util.Optional;

/** The outcome of checking a presented credential: a session, or why there is none. */
public record Verification(Optional<Session> session, Problem problem) {

    /**
     * Why a credential was refused, as the 401's details say it (RFC 6750 §3.1 {@code invalid_token}); a forgery and
     * another deployment's token are told alike, and only the metrics tell them apart.
     */
    public enum Problem {
        NONE("no credentials: send Authorization: Bearer <token> or log in at /login"),
        MALFORMED("the Authorization header is not \"Bearer <token>\""),
        INVALID("the token is not one this backend issued, or it was altered"),
        /** Its signature does not verify under a key this backend holds (forged, altered, or another key's). */
        BAD_SIGNATURE(INVALID.details),
        /** Signed with a key this backend holds, but for another deployment ({@code iss}, {@code aud}). */
        FOREIGN(INVALID.details),
        EXPIRED("the token has expired: log in again"),
        OUTLIVED("the token was issued for longer than this backend now allows (token-expiry): log in again"),
        REVOKED("the session was ended by logout, here or at the provider: log in again");

        private final String details;

        Problem(String details) {
            this.details = details;
        }

        public String details() {
            return details;
        }
    }

    static Verification valid(Session session) {
        return new Verification(Optional.of(session), null);
    }

    static Verification invalid(Problem problem) {
        return new Verification(Optional.empty(), problem);
    }

    public boolean isValid() {
        return session.isPresent();
    }
}
