package org.bindbackend.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.bindbackend.auth.Identity;

/** {@code GET /api/whoami}: the caller's identity as the provider's verified ID token gave it. */
@Path("whoami")
public class WhoamiResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject whoami(@Context SecurityContext security) {
        Identity identity = ((CallerPrincipal) security.getUserPrincipal()).identity();
        return Json.createObjectBuilder()
                .add("sub", identity.subject())
                .add("iss", identity.issuer())
                .add("name", identity.name())
                .add("email", identity.email())
                .add("groups", Json.createArrayBuilder(identity.groups()))
                .build();
    }
}
