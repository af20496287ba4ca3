package org.bindbackend.issuer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /oidc/.well-known/openid-configuration}: the provider metadata (OIDC Discovery 1.0 §4). */
@Path(OidcPaths.DISCOVERY)
@RequestScoped
public class DiscoveryResource {

    @Inject
    OidcProvider provider;

    /** The metadata document. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response discovery() {
        return provider.discovery().toResponse();
    }
}
