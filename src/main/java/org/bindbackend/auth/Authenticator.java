package org.bindbackend.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Finds the caller of a request: the identity in a valid session cookie, if any. */
@ApplicationScoped
public class Authenticator {

    @Inject
    SessionTokens sessionTokens;

    public Optional<Identity> caller(HttpServletRequest request) {
        return SessionCookie.read(request).flatMap(sessionTokens::verify);
    }
}
