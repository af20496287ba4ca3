package org.bindbackend.auth;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.auth.provider.ProviderClient;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.auth.provider.ProviderRelay;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.NotConfiguredException;
import org.bindbackend.http.Route;

/**
 * Wraps the container's OpenID Connect mechanism (defined by {@link OpenIdLogin}), the application's one
 * authentication mechanism: it hands that mechanism the requests of a login (the protected login start and the
 * callback) and turns the outcomes it leaves bare into clear ones. Other requests are none of its business. What it
 * adds to the authorization request is {@link AuthorizationRequestAdditions}' job, reading the container's verdict
 * {@link ContainerVerdict}'s, and ending a refused request {@link LoginFailures}'.
 *
 * <p>A CDI decorator (CDI 4.0 §8) rather than a second mechanism, so that every server calls it: Payara's Soteria
 * applies decorators to the mechanism it defines, and Open Liberty calls the mechanism bean of the annotation
 * directly (with an alternative mechanism bean beside it, it picks one of the two at random).
 *
 * <p>Measured on Payara Micro: a callback with a tampered state ends as an empty HTTP 200, one that arrives in a
 * browser without a login in progress (a replay, another browser) throws, and so does an ID
 * token the container refuses. Each becomes a "login failed" error here, with its reason ({@link CallbackCheck}),
 * rendered by the application's error page, and no session.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class LoginMechanism implements HttpAuthenticationMechanism {

    /** The request attribute that carries a login's failure to the error page ({@link LoginFailures}). */
    public static final String FAILURE_ATTRIBUTE = LoginFailures.ATTRIBUTE;
    private static final Logger LOG = Logger.getLogger(LoginMechanism.class.getName());

    @Inject
    @Delegate
    @Any
    HttpAuthenticationMechanism container;

    @Inject
    BackendSettings backendSettings;

    @Inject
    ProviderClient provider;

    @Inject
    LoginCookies loginCookies;

    @Inject
    ProviderRelay relay;

    @Inject
    AuthorizationRequestAdditions additions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (!backendSettings.valid()) {
            // Nothing to log in to: the error page answers "not configured" (the configuration gate, for requests
            // that reach the application).
            return context.isProtected() ? LoginFailures.answer(request, response,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE, new NotConfiguredException()) : context.doNothing();
        }
        if (Route.of(request) == Route.CALLBACK) {
            return callback(request, response, context);
        }
        if (!context.isProtected() && !context.isAuthenticationRequest()) {
            // Not the container's business: the backend's own cookie and bearer tokens authenticate everything else.
            // (Open Liberty evaluates the annotation's expressions for every request its mechanism sees, and one of
            // them fetches discovery: the embedded provider's discovery request must not wait for itself. Payara's
            // reads the parameters of every request it sees, which would consume a posted form's body before the
            // embedded provider's endpoints read it.)
            return context.doNothing();
        }
        return loginStart(request, response, context);
    }

    /** A login begins: the provider must be usable before the container sends the browser to it. */
    private AuthenticationStatus loginStart(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (request.getUserPrincipal() == null) {
            try {
                provider.ensureReachable();
            } catch (ProviderException e) {
                return providerFailure(request, response, e, e.kind());
            }
        }
        ProviderRedirect redirect = new ProviderRedirect(response,
                location -> additions.added(request, response, location));
        try {
            return container.validateRequest(request, redirect.response(), redirect.context(context));
        } catch (RuntimeException e) {
            Optional<ProviderException.Kind> kind = ProviderException.kindOf(e);
            if (kind.isPresent()) {
                return providerFailure(request, response, e, kind.get());
            }
            throw e;
        }
    }

    /**
     * The provider's answer (OIDC Core 3.1.2.5, 3.1.2.6): an error goes on to the callback page, which shows it; an
     * answer that does not belong to this browser's login is refused before the container exchanges its code.
     */
    private AuthenticationStatus callback(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (request.getParameter("error") != null) {
            return context.doNothing();
        }
        Optional<LoginTransaction> login = loginCookies.read(request);
        CallbackCheck check = CallbackCheck.of(request, login, backendSettings.get().callbackUrl());
        LOG.log(Level.FINE, "Callback received (login in progress in this browser: {0}, state matches: {1})",
                new Object[] {check.loginInProgress(), check.stateKnown()});
        if (!check.passed()) {
            return LoginFailures.refuse(request, response, check.failure());
        }
        LOG.fine("The container exchanges the code at the provider's token endpoint");
        login.map(LoginTransaction::codeVerifier).ifPresent(verifier ->
                relay.expectExchange(request.getParameter("code"), verifier));
        try {
            AuthenticationStatus status = container.validateRequest(request, response, context);
            if (!ContainerVerdict.refused(status, response)) {
                return status;
            }
            if (response.isCommitted()) {
                // Open Liberty answered the refusal itself (a 403 for claims its client rejects): the error page
                // still says why.
                LoginFailures.explain(request, check.failure());
                return status;
            }
            return LoginFailures.refuse(request, response, check.failure());
        } catch (RuntimeException e) {
            Optional<ProviderException.Kind> kind = ProviderException.kindOf(e);
            if (kind.isPresent()) {
                return providerFailure(request, response, e, kind.get());
            }
            LOG.log(Level.FINE, "The container refused the callback: {0}", e.getClass().getName());
            return LoginFailures.refuse(request, response, check.failure(e));
        }
    }

    private AuthenticationStatus providerFailure(HttpServletRequest request, HttpServletResponse response,
            Exception e, ProviderException.Kind kind) {
        return LoginFailures.providerFailure(request, response, backendSettings.get().issuerUrl().toString(), e, kind);
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        return container.secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        container.cleanSubject(request, response, context);
    }
}
