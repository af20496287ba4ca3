package org.bindbackend.issuer;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bindbackend.text.UntrustedText;

/**
 * The person who logged in: the username as typed (trimmed) and the groups they claimed.
 *
 * @param username the username; also the subject identifier
 * @param groups   the group names, without duplicates
 */
record EndUser(String username, List<String> groups) {

    /** The domain of the made-up e-mail address of a username without '@' (RFC 2606 reserves .invalid). */
    static final String PLACEHOLDER_EMAIL_DOMAIN = "bind-backend.invalid";

    EndUser {
        groups = List.copyOf(groups);
    }

    /**
     * The group names in {@code text}, separated by commas and/or whitespace; blanks, repeats and names with
     * control characters dropped.
     */
    static List<String> parseGroups(String text) {
        return Arrays.stream(text.split("[,\\s]+"))
                .filter(group -> !group.isEmpty() && !UntrustedText.hasControlCharacters(group))
                .distinct().toList();
    }

    /** The subject identifier (OIDC Core 2, {@code sub}). */
    String subject() {
        return username;
    }

    /** The username when it is an e-mail address, otherwise {@code <username>@bind-backend.invalid}. */
    String email() {
        return username.contains("@") ? username : username + "@" + PLACEHOLDER_EMAIL_DOMAIN;
    }

    /**
     * The claims about the end-user that the ID token and the UserInfo response carry: {@code sub}
     * and standard claims of OIDC Core 5.1 ({@code email_verified} is false: nobody verified the
     * address), plus {@code groups} as a JSON array.
     */
    Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject());
        claims.put("name", username);
        claims.put("preferred_username", username);
        claims.put("email", email());
        claims.put("email_verified", false);
        claims.put("groups", groups);
        return claims;
    }
}
