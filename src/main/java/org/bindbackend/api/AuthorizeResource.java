package org.bindbackend.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.bindbackend.auth.LoginStart;
import org.bindbackend.config.BackendSettings;

/**
 * {@code GET|POST /api/authorize}: the kube-bind login entry point ({@code authenticatedURL} of
 * {@code /api/exports}). Parameters come in the query, a form, or a JSON body, as the Go backend takes them.
 */
@Path("authorize")
public class AuthorizeResource {

    @Inject
    BackendSettings backendSettings;

    @Inject
    LoginStart loginStart;

    @Context
    HttpServletRequest request;

    @GET
    public Response authorize() {
        return start(parameters(null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authorizeForm() {
        return start(parameters(null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response authorizeJson(JsonValue body) {
        if (!(body instanceof JsonObject object)) {
            return Errors.response(new BadRequest("Invalid authorize request", "the body must be a JSON object").toError());
        }
        return start(parameters(object));
    }

    private Response start(Map<String, String> parameters) {
        try {
            LoginStart.Redirect start = loginStart.begin(AuthorizeRequest.parse(parameters, backendSettings.get()));
            // Absolute: JAX-RS implementations resolve a relative Location differently (RESTEasy under /api/).
            URI location = URI.create(request.getRequestURL().toString()).resolve(start.path());
            return Response.seeOther(location).header("Set-Cookie", start.setCookie()).build();
        } catch (BadRequest e) {
            return Errors.response(e.toError());
        }
    }

    /** Query and form parameters, overridden by the JSON body's string members when there is one. */
    private Map<String, String> parameters(JsonObject body) {
        Map<String, String> parameters = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
        if (body != null) {
            body.forEach((name, value) -> {
                if (value instanceof JsonString text) {
                    parameters.put(name, text.getString());
                }
            });
        }
        return parameters;
    }
}
