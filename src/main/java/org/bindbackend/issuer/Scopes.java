package org.bindbackend.issuer;

import java.util.List;
import java.util.stream.Collectors;

/** The scope values this provider knows (RFC 6749 §3.3, OIDC Core 5.4). */
final class Scopes {

    /** The scope every OpenID Connect request must carry (OIDC Core 3.1.2.1). */
    static final String OPENID = "openid";

    /** The scopes this provider grants; others are ignored, as OIDC Core 3.1.2.1 says they SHOULD be. */
    static final List<String> SUPPORTED = List.of(OPENID, "profile", "email");

    private Scopes() {
    }

    /** The supported values of the requested {@code scope}, as the granted scope string. */
    static String granted(String scope) {
        return RequestParameters.spaceDelimited(scope).stream()
                .filter(SUPPORTED::contains)
                .collect(Collectors.joining(" "));
    }
}
