package org.bindbackend.issuer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Makes the one {@link OidcProvider} of the application, on the system UTC clock with the default limits. */
@ApplicationScoped
public class OidcProviderProducer {

    /**
     * The provider. A {@code @Singleton} needs no client proxy, so {@link OidcProvider} can stay a
     * final class with final fields.
     */
    @Produces
    @Singleton
    OidcProvider provider(IssuerConfig config, IssuerKeys keys) {
        return new OidcProvider(config, keys, Clock.systemUTC(), IssuerLimits.DEFAULTS);
    }
}
