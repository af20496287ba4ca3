package org.bindbackend.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import org.bindbackend.auth.Authenticator;
import org.bindbackend.auth.Identity;

/**
 * Lets an {@link Authenticated} request through only with a valid backend session; anything else gets a JSON 401
 * with {@code WWW-Authenticate: Bearer} (RFC 6750 §3), never a redirect to a login page.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    @Inject
    Authenticator authenticator;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        Optional<Identity> caller = authenticator.caller(request);
        if (caller.isEmpty()) {
            context.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError(401, ApiError.Code.AUTHENTICATION_FAILED, "Authentication required",
                            "Send a valid session cookie; log in at /login.").toJson())
                    .build());
            return;
        }
        CallerPrincipal principal = new CallerPrincipal(caller.get());
        boolean secure = context.getSecurityContext().isSecure();
        context.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return principal.identity().groups().contains(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }
}
