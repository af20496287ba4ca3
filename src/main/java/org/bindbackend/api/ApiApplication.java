package org.bindbackend.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The backend's REST API under {@code /api} (the embedded provider is a servlet of its own, not part of it). */
@ApplicationPath("/api")
public class ApiApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ExportsResource.class, HealthzResource.class, AuthorizeResource.class,
                PingResource.class, WhoamiResource.class, AuthenticationFilter.class, UnhandledErrors.class);
    }
}
