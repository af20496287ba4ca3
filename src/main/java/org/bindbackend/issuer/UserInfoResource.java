package org.bindbackend.issuer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET|POST /oidc/userinfo}: the UserInfo endpoint (OIDC Core 5.3). */
@Path(OidcPaths.USERINFO)
@RequestScoped
public class UserInfoResource {

    @Inject
    OidcProvider provider;

    /** A request with the access token in the Authorization header. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response userInfo(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return provider.userInfo(authorization, RequestParameters.none()).toResponse();
    }

    /** A request with the access token in the Authorization header or the form body. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response userInfo(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, String body) {
        return provider.userInfo(authorization, RequestParameters.formBody(body, type)).toResponse();
    }
}
