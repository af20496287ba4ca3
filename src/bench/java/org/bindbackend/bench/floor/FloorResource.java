package org.bindbackend.bench.floor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code GET /api/healthz}: the floor's one answer, read from MicroProfile Config. */
@Path("healthz")
@RequestScoped
public class FloorResource {

    @Inject
    @ConfigProperty(name = "floor.answer", defaultValue = "ok")
    String answer;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String healthz() {
        return answer;
    }
}
