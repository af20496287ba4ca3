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
import java.util.Optional;
import org.bindbackend.answer.JsonErrors;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.login.Logins;
import org.bindbackend.login.OversizedLoginException;
import org.bindbackend.shared.FormEncoding;

/**
 * {@code GET|POST /api/authorize}: the kube-bind login entry point ({@code authenticatedURL} of
 * {@code /api/exports}). Parameters come in the query, a form, or a JSON body, as the Go backend takes them.
 */
@Path("authorize")
public class AuthorizeResource {

    @Inject
    BackendSettings backendSettings;

    @Inject
    Logins logins;

    @Context
    HttpServletRequest request;

    @GET
    public Response authorize() {
        return start(request.getQueryString(), null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authorizeForm(String form) {
        return start(request.getQueryString(), form, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response authorizeJson(JsonValue body) {
        if (!(body instanceof JsonObject object)) {
            return JsonErrors.response(new BadRequest("Invalid authorize request", "the body must be a JSON object").toError());
        }
        return start(request.getQueryString(), null, object);
    }

    /**
     * The parameters of the query, overridden by those of the form or the JSON body's string members when there is
     * one, then the login they ask for.
     */
    private Response start(String query, String form, JsonObject json) {
        Optional<Map<String, String>> fromQuery = FormEncoding.decode(query);
        Optional<Map<String, String>> fromForm = FormEncoding.decode(form);
        if (fromQuery.isEmpty() || fromForm.isEmpty()) {
            return JsonErrors.response(new BadRequest("Invalid authorize request",
                    "the query or the form is not valid percent-encoding").toError());
        }
        Map<String, String> parameters = new HashMap<>(fromQuery.get());
        parameters.putAll(fromForm.get());
        if (json != null) {
            json.forEach((name, value) -> {
                if (value instanceof JsonString text) {
                    parameters.put(name, text.getString());
                }
            });
        }
        try {
            Logins.Redirect start = logins.begin(KubeBindLoginRequest.parse(parameters, backendSettings.get()));
            // Absolute: JAX-RS implementations resolve a relative Location differently (RESTEasy under /api/).
            URI location = URI.create(request.getRequestURL().toString()).resolve(start.path());
            return Response.seeOther(location).header("Set-Cookie", start.setCookie()).build();
        } catch (BadRequest e) {
            return JsonErrors.response(e.toError());
        } catch (OversizedLoginException e) {
            return JsonErrors.response(new BadRequest("Invalid authorize request", "redirect_url is too long: "
                    + e.getMessage()).toError());
        }
    }
}
