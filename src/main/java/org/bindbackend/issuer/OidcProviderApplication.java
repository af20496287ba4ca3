package org.bindbackend.issuer;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The embedded provider's own JAX-RS application at {@code /oidc}. It lists its resources
 * explicitly, so it serves nothing else and no other application in the WAR serves these.
 * {@link OidcPaths} lists the routes.
 */
@ApplicationPath(OidcPaths.APPLICATION)
public class OidcProviderApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(DiscoveryResource.class, JwksResource.class, AuthorizationResource.class,
                LoginResource.class, TokenResource.class, UserInfoResource.class, EndSessionResource.class);
    }
}
