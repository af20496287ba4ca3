package org.bindbackend.login;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bindbackend.config.Settings;
import org.bindbackend.login.LoginRefusal.Reason;
import org.bindbackend.session.Identity;
import org.bindbackend.text.UntrustedText;
import org.jose4j.jwt.JwtClaims;

/**
 * Reads an {@link Identity} out of verified ID token claims, by the rules of the Kubernetes API server's OpenID
 * Connect authenticator that kube-bind users know: the user name is the claim {@code oidc.username-claim} names,
 * and nothing else; when that claim is {@code email}, the provider must have verified it ({@code email_verified}
 * true, OIDC Core 5.1), since many providers let users type any address; the groups are the groups claim only.
 * A name or group holding a control character is never kept: it could pass for two in a list or a log.
 */
final class IdentityClaims {

    static final String EMAIL = "email";
    static final String EMAIL_VERIFIED = "email_verified";
    /** Far above any provider's session ids (Keycloak's are 36 characters), short enough for the session's cookie. */
    static final int MAX_SID_LENGTH = 255;

    private IdentityClaims() {
    }

    static Identity of(JwtClaims claims, Settings settings) throws LoginRefusedException {
        String subject = name(claims, "sub");
        String username = settings.usernameClaim().equals("sub") ? subject : name(claims, settings.usernameClaim());
        boolean emailVerified = Boolean.TRUE.equals(claims.getClaimValue(EMAIL_VERIFIED));
        if (settings.usernameClaim().equals(EMAIL) && !emailVerified) {
            throw new LoginRefusedException(Reason.ID_TOKEN_REJECTED, "the provider has not verified your email address "
                    + "(email_verified is not true), and oidc.username-claim is email: an unverified address cannot "
                    + "name a user");
        }
        String email = claims.getClaimValue(settings.emailClaim()) instanceof String text
                && !text.isBlank() && !UntrustedText.hasControlCharacters(text) ? text : "";
        return new Identity(subject, String.valueOf(claims.getClaimValue("iss")), username, email,
                emailVerified && !email.isEmpty(), groups(claims, settings.groupsClaim()));
    }

    /**
     * The provider's session id ({@code sid}, OIDC Back-Channel Logout 1.0 §2.1, Front-Channel Logout 1.0 §3),
     * which a back-channel logout names: a string of at most {@link #MAX_SID_LENGTH} characters without control
     * characters; empty when the token has none (or an unusable one: that session then ends with its user's).
     */
    static String providerSession(JwtClaims claims) {
        Object sid = claims.getClaimValue("sid");
        return sid instanceof String text && !text.isBlank() && text.length() <= MAX_SID_LENGTH
                && !UntrustedText.hasControlCharacters(text) ? text : "";
    }

    /** A claim that names: a string, not blank, without control characters. */
    private static String name(JwtClaims claims, String claim) throws LoginRefusedException {
        Object value = claims.getClaimValue(claim);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new LoginRefusedException(Reason.ID_TOKEN_REJECTED, "the ID token has no \"" + claim + "\" claim to "
                    + "name you by" + (claim.equals("sub") ? "" : " (oidc.username-claim)"));
        }
        if (UntrustedText.hasControlCharacters(text)) {
            throw new LoginRefusedException(Reason.ID_TOKEN_REJECTED, "the ID token's \"" + claim + "\" claim holds "
                    + "control characters");
        }
        return text;
    }

    /**
     * Providers send groups as a JSON array, some as one string; anything else counts as no groups. Blank
     * entries, repeats and entries with control characters are dropped.
     */
    private static List<String> groups(JwtClaims claims, String claim) {
        Object value = claims.getClaimValue(claim);
        List<Object> raw = new ArrayList<>();
        if (value instanceof List<?> list) {
            raw.addAll(list);
        } else if (value != null) {
            raw.add(value);
        }
        Set<String> groups = new LinkedHashSet<>();
        for (Object group : raw) {
            if (group instanceof String name && !name.isBlank() && !UntrustedText.hasControlCharacters(name)) {
                groups.add(name);
            }
        }
        return List.copyOf(groups);
    }
}
