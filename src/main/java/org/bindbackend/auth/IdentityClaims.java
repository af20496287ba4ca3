package org.bindbackend.auth;

import java.util.ArrayList;
import java.util.List;
import org.bindbackend.config.Settings;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;

/** Reads an {@link Identity} out of verified ID token claims, with the claim names the settings give. */
final class IdentityClaims {

    private IdentityClaims() {
    }

    static Identity of(JwtClaims claims, Settings settings) throws MalformedClaimException {
        String subject = claims.getSubject();
        String name = firstString(claims, settings.usernameClaim(), "name");
        return new Identity(subject, claims.getIssuer(), name == null ? subject : name,
                firstString(claims, settings.emailClaim()), groups(claims, settings.groupsClaim()));
    }

    private static String firstString(JwtClaims claims, String... names) {
        for (String name : names) {
            Object value = claims.getClaimValue(name);
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /** Providers send groups as a JSON array, some as one string; anything else counts as no groups. */
    private static List<String> groups(JwtClaims claims, String claim) {
        Object value = claims.getClaimValue(claim);
        List<String> groups = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(groups::add);
        } else if (value instanceof String single && !single.isBlank()) {
            groups.add(single);
        }
        return groups;
    }
}
