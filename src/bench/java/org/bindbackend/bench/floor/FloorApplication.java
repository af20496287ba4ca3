package org.bindbackend.bench.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The floor's JAX-RS application, at {@code /api} like the backend's. */
@ApplicationPath("api")
public class FloorApplication extends Application {
}
