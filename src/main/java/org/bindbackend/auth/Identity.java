package org.bindbackend.auth;

import java.util.List;

/**
 * Who the caller is, as the provider's verified ID token said at login.
 *
 * @param subject the {@code sub} claim: the user's stable id at the provider
 * @param issuer  the provider's issuer identifier
 * @param name    a name to show (the configured username claim, else {@code name}, else the subject)
 * @param email   the email claim, or empty
 * @param groups  the groups claim, in the provider's order
 */
public record Identity(String subject, String issuer, String name, String email, List<String> groups) {

    public Identity {
        groups = List.copyOf(groups);
        email = email == null ? "" : email;
    }
}
