package org.bindbackend.issuer;

import java.util.List;
import java.util.stream.Collectors;

/** The scope values this provider knows (RFC 6749 §3.3, OIDC Core 5.4). */
final class Scopes {

    /** The scope every OpenID Connect request must carry (OIDC Core 3.1.2.1). */
    static final String OPENID = "openid";

    /**
     * The scopes this provider grants; others are ignored, as OIDC Core 3.1.2.1 says they SHOULD be. {@code groups}
     * names the {@code groups} claim it puts in every ID token, as Dex and others call it: a backend configured with
     * {@code oidc.extra-scopes=groups} for such a provider runs unchanged against this one (Payara's client refuses to
     * request a scope the provider's discovery document does not list).
     */
    static final List<String> SUPPORTED = List.of(OPENID, "profile", "email", "groups");

    private Scopes() {
    }

    /** The supported values of the requested {@code scope}, as the granted scope string. */
    static String granted(String scope) {
        return RequestParameters.spaceDelimited(scope).stream()
                .filter(SUPPORTED::contains)
                .collect(Collectors.joining(" "));
    }
}
