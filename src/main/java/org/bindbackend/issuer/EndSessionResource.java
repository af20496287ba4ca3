package org.bindbackend.issuer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code GET|POST /oidc/end-session}: the logout endpoint; both methods, as RP-Initiated Logout 1.0 §2 requires. */
@Path(OidcPaths.END_SESSION)
@RequestScoped
public class EndSessionResource {

    @Inject
    OidcProvider provider;

    /** A logout request in the query string. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response endSession(@Context UriInfo uriInfo) {
        return provider.endSession(RequestParameters.of(uriInfo.getQueryParameters())).toResponse();
    }

    /** A logout request in a form body. */
    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response endSession(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, String body) {
        return provider.endSession(RequestParameters.formBody(body, type)).toResponse();
    }
}
