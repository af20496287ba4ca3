package org.bindbackend.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.shared.JsonBuilders;

/**
 * {@code GET /api/exports}: the kube-bind {@code BindingProvider}, the CLI's entry point. Public: it only says
 * how to log in, at this backend's configured external URL (so behind a TLS proxy it says https).
 */
@Path("exports")
public class ExportsResource {


    static final String API_VERSION = "kubebind.io/v1alpha2";

    @Inject
    BackendSettings backendSettings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject bindingProvider() {
        Settings settings = backendSettings.get();
        return JsonBuilders.object()
                .add("apiVersion", API_VERSION)
                .add("kind", "BindingProvider")
                .add("version", Version.current())
                .add("providerPrettyName", settings.providerPrettyName())
                .add("authenticationMethods", JsonBuilders.array().add(JsonBuilders.object()
                        .add("method", "OAuth2CodeGrant")
                        .add("oauth2CodeGrant", JsonBuilders.object()
                                .add("authenticatedURL", settings.externalUrl() + "/api/authorize"))))
                .build();
    }
}
