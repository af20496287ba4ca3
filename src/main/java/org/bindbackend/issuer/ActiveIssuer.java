package org.bindbackend.issuer;

import java.util.Optional;

/**
 * The embedded issuer, when this deployment serves one: the one switch {@link OidcProviderServlet} obeys, so that
 * outside embedded mode no spelling of a path can reach the issuer, and the issuer is never even made (nor handed
 * the real client's secret). Start-up wiring implements it.
 */
public interface ActiveIssuer {

    /** The issuer in embedded mode; empty in any other mode, and while the settings are invalid. */
    Optional<EmbeddedIssuer> get();
}
