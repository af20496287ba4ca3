package org.bindbackend.api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.bindbackend.session.Identity;
import org.bindbackend.shared.JsonBuilders;

/** {@code GET /api/whoami}: the caller's identity as the provider's verified ID token gave it. */
@Path("whoami")
public class WhoamiResource {


    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject whoami(@Context SecurityContext security) {
        Identity identity = ((CallerPrincipal) security.getUserPrincipal()).identity();
        return JsonBuilders.object()
                .add("sub", identity.subject())
                .add("iss", identity.issuer())
                .add("name", identity.username())
                .add("email", identity.email())
                .add("email_verified", identity.emailVerified())
                .add("groups", JsonBuilders.array(identity.groups()))
                .build();
    }
}
