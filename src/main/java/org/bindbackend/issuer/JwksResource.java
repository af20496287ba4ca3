package org.bindbackend.issuer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /oidc/.well-known/jwks.json}: the public signing keys (RFC 7517 §5). */
@Path(OidcPaths.JWKS)
@RequestScoped
public class JwksResource {

    @Inject
    OidcProvider provider;

    /** The JWK Set. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        return provider.jwks().toResponse();
    }
}
