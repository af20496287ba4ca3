package org.bindbackend.bench.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The values of the floor's OpenID Connect annotation, read from MicroProfile Config and reached through
 * expressions, as the backend feeds its own. The provider is contacted at the first login only: a start-up
 * measurement runs without one.
 */
@Named("floorSettings")
@ApplicationScoped
public class FloorSettings {

    @Inject
    @ConfigProperty(name = "floor.provider-uri", defaultValue = "http://127.0.0.1:9/floor-provider")
    String providerUri;

    @Inject
    @ConfigProperty(name = "floor.client-id", defaultValue = "floor-client")
    String clientId;

    @Inject
    @ConfigProperty(name = "floor.client-secret", defaultValue = "floor-client-secret")
    String clientSecret;

    public String getProviderUri() {
        return providerUri;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }
}
