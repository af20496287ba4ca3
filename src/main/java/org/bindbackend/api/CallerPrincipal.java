package org.bindbackend.api;

import java.security.Principal;
import org.bindbackend.auth.Identity;

/** The authenticated caller of an API request. */
public record CallerPrincipal(Identity identity) implements Principal {

    @Override
    public String getName() {
        return identity.name();
    }
}
