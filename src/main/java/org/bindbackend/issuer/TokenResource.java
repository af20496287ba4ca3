package org.bindbackend.issuer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /oidc/token}: the token endpoint (OIDC Core 3.1.3, RFC 6749 §3.2). */
@Path(OidcPaths.TOKEN)
@RequestScoped
public class TokenResource {

    @Inject
    OidcProvider provider;

    /** A token request in a form body. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, String body) {
        return provider.token(authorization, RequestParameters.formBody(body, type)).toResponse();
    }
}
