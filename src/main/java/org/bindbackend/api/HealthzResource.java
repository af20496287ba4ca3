package org.bindbackend.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/healthz}: "ok", as the kube-bind backend answers; public, and the unprotected twin of
 * {@code /api/ping} in the benchmarks. Orchestrators should use {@code /health/ready} and friends.
 */
@Path("healthz")
public class HealthzResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String healthz() {
        return "ok";
    }
}
