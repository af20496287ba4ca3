package org.bindbackend.issuer;

import java.util.Optional;

/**
 * Whether this deployment serves the embedded provider: the one switch {@link OidcProviderServlet} obeys, so that
 * outside embedded mode no spelling of a path can reach the provider, and the provider is never even made (nor
 * handed the real client's secret).
 */
public interface EmbeddedProvider {

    /** The provider in embedded mode; empty in any other mode, and while the settings are invalid. */
    Optional<EmbeddedIssuer> active();
}
