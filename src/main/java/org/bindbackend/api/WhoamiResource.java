package org.bindbackend.api;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.bindbackend.auth.Identity;

/** {@code GET /api/whoami}: the caller's identity as the provider's verified ID token gave it. */
@Path("whoami")
public class WhoamiResource {

    /** Made once: each {@code Json.createObjectBuilder()} call would look the JSON-P provider up again. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject whoami(@Context SecurityContext security) {
        Identity identity = ((CallerPrincipal) security.getUserPrincipal()).identity();
        return JSON.createObjectBuilder()
                .add("sub", identity.subject())
                .add("iss", identity.issuer())
                .add("name", identity.username())
                .add("email", identity.email())
                .add("email_verified", identity.emailVerified())
                .add("groups", JSON.createArrayBuilder(identity.groups()))
                .build();
    }
}
