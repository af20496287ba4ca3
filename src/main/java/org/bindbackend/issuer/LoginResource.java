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

/** {@code POST /oidc/login}: where the login form is submitted (OIDC Core 3.1.2.3). */
@Path(OidcPaths.LOGIN)
@RequestScoped
public class LoginResource {

    @Inject
    OidcProvider provider;

    /** The submitted form. */
    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response login(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, String body) {
        return provider.login(RequestParameters.formBody(body, type)).toResponse();
    }
}
