package org.bindbackend.api;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;

/**
 * {@code GET /api/exports}: the kube-bind {@code BindingProvider}, the CLI's entry point. Public: it only says
 * how to log in, at this backend's configured external URL (so behind a TLS proxy it says https).
 */
@Path("exports")
public class ExportsResource {

    /** Made once: each {@code Json.createObjectBuilder()} call would look the JSON-P provider up again. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    static final String API_VERSION = "kubebind.io/v1alpha2";

    @Inject
    BackendSettings backendSettings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject bindingProvider() {
        Settings settings = backendSettings.get();
        return JSON.createObjectBuilder()
                .add("apiVersion", API_VERSION)
                .add("kind", "BindingProvider")
                .add("version", Version.current())
                .add("providerPrettyName", settings.providerPrettyName())
                .add("authenticationMethods", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("method", "OAuth2CodeGrant")
                        .add("oauth2CodeGrant", JSON.createObjectBuilder()
                                .add("authenticatedURL", settings.externalUrl() + "/api/authorize"))))
                .build();
    }
}
