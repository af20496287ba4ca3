package org.bindbackend.session;

import java.util.List;

/**
 * Who the caller is, as the provider's verified ID token said at login.
 *
 * @param subject       the {@code sub} claim: the user's stable id at the provider
 * @param issuer        the provider's issuer identifier
 * @param username      the user name: the claim {@code oidc.username-claim} names (an email only when verified)
 * @param email         the email claim, or empty; shown, never used to decide who may do what
 * @param emailVerified whether the provider says it verified that email ({@code email_verified}, OIDC Core 5.1)
 * @param groups        the groups claim, in the provider's order
 */
public record Identity(String subject, String issuer, String username, String email, boolean emailVerified,
        List<String> groups) {

    public Identity {
        groups = List.copyOf(groups);
        email = email == null ? "" : email;
    }
}
