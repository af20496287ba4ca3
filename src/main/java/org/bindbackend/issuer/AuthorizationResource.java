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

/** {@code GET|POST /oidc/authorize}: the authorization endpoint; both methods, as OIDC Core 3.1.2.1 requires. */
@Path(OidcPaths.AUTHORIZE)
@RequestScoped
public class AuthorizationResource {

    @Inject
    OidcProvider provider;

    /** A request in the query string. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@Context UriInfo uriInfo) {
        return provider.authorize(RequestParameters.of(uriInfo.getQueryParameters())).toResponse();
    }

    /** A request in a form body. */
    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response authorize(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, String body) {
        return provider.authorize(RequestParameters.formBody(body, type)).toResponse();
    }
}
