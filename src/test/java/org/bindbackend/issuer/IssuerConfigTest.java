package org.bindbackend.issuer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider's configuration. */
class IssuerConfigTest {

    private static IssuerConfig withIssuer(String issuer) {
        return new IssuerConfig(URI.create(issuer), "client", "secret", TestFixtures.REDIRECT_URI, List.of());
    }

    @Test
    void refusesAnIssuerWithTrailingSlashQueryOrFragment() {
        assertThrows(IllegalArgumentException.class, () -> withIssuer("http://localhost:8080/oidc/"));
        assertThrows(IllegalArgumentException.class, () -> withIssuer("http://localhost:8080/oidc?x=1"));
        assertThrows(IllegalArgumentException.class, () -> withIssuer("http://localhost:8080/oidc#x"));
        assertThrows(IllegalArgumentException.class, () -> withIssuer("/oidc"));
    }

    @Test
    void refusesARedirectUriWithFragmentAndABlankSecret() {
        assertThrows(IllegalArgumentException.class, () -> new IssuerConfig(TestFixtures.ISSUER, "client", "secret",
                URI.create("http://localhost:8080/callback#x"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new IssuerConfig(TestFixtures.ISSUER, "client", " ",
                TestFixtures.REDIRECT_URI, List.of()));
    }

    @Test
    void toStringHidesTheSecret() {
        assertFalse(TestFixtures.config().toString().contains(TestFixtures.CLIENT_SECRET));
    }
}
