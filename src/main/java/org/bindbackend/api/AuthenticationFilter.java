package org.bindbackend.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.bindbackend.answer.ApiError;
import org.bindbackend.answer.BearerChallenge;
import org.bindbackend.answer.JsonErrors;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.http.Cookies;
import org.bindbackend.session.AccessPolicy;
import org.bindbackend.session.Identity;
import org.bindbackend.session.Sessions;
import org.bindbackend.session.Verification;

/**
 * Lets an API request through only with a valid bearer token or session cookie of a user the allow-lists admit,
 * unless its path is one of the few {@link #PUBLIC} ones: protected by default, so a new endpoint cannot be
 * forgotten. Otherwise: 401 {@code AUTHENTICATION_FAILED} with a {@code WWW-Authenticate: Bearer} challenge
 * (RFC 6750 §3), or 403 {@code AUTHORIZATION_FAILED}; never a redirect to a login page. It runs before resource
 * matching, so an unauthenticated caller learns nothing else (not even a 404 or 406).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    /** The API paths anyone may call, as the kube-bind backend has them: how to log in, and liveness. */
    static final Set<String> PUBLIC = Set.of("exports", "healthz", "authorize");

    @Inject
    Sessions sessions;

    @Inject
    BackendSettings backendSettings;

    @Inject
    Authentications counted;

    @Override
    public void filter(ContainerRequestContext context) {
        if (PUBLIC.contains(trimSlashes(context.getUriInfo().getPath(true)))) {
            return;
        }
        String authorization = context.getHeaderString("Authorization");
        Cookie cookie = context.getCookies().get(sessions.cookieName());
        Verification verification = sessions.authenticate(authorization,
                Optional.ofNullable(cookie).flatMap(sent -> Cookies.value(sent.getValue())));
        Authentications.Credential credential = authorization != null ? Authentications.Credential.BEARER
                : cookie != null ? Authentications.Credential.COOKIE : Authentications.Credential.NONE;
        if (!verification.isValid()) {
            counted.refused(credential, verification.problem());
            context.abortWith(unauthorized(verification.problem()));
            return;
        }
        Identity identity = verification.session().get().identity();
        if (!AccessPolicy.allows(backendSettings.get(), identity)) {
            counted.forbidden(credential);
            context.abortWith(JsonErrors.response(new ApiError(403, ApiError.Code.AUTHORIZATION_FAILED,
                    "Not allowed", "subject " + identity.subject() + " is not in oidc.allowed-users or oidc.allowed-groups")));
            return;
        }
        counted.accepted(credential);
        context.setSecurityContext(new CallerSecurityContext(new CallerPrincipal(verification.session().get()),
                context.getSecurityContext().isSecure()));
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    /** RFC 6750 §3.1: a request without credentials gets a bare challenge, a bad token {@code invalid_token}. */
    private static Response unauthorized(Verification.Problem problem) {
        String challenge = problem == Verification.Problem.NONE ? BearerChallenge.none()
                : BearerChallenge.invalidToken(problem.details());
        return JsonErrors.response(new ApiError(401, ApiError.Code.AUTHENTICATION_FAILED, "Authentication required",
                problem.details()), challenge);
    }

    /** The caller as JAX-RS resources see it. */
    private record CallerSecurityContext(CallerPrincipal principal, boolean secure) implements SecurityContext {

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
    }
}
