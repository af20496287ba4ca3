package org.bindbackend.api;

import java.security.Principal;
import org.bindbackend.session.Identity;
import org.bindbackend.session.Session;

/** The authenticated caller of an API request, with the session it came with. */
public record CallerPrincipal(Session session) implements Principal {

    public Identity identity() {
        return session.identity();
    }

    @Override
    public String getName() {
        return session.identity().username();
    }
}
