package org.bindbackend.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.auth.provider.OpenIdProvider;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.config.BackendSettings;

/**
 * The application's one authentication mechanism: it hands every request to the container's OpenID Connect
 * mechanism (defined by {@link OpenIdLogin}) and turns the outcomes that mechanism leaves bare into clear ones.
 *
 * <p>Measured on Payara Micro: a callback with a tampered state ends as an empty HTTP 200, one that arrives in a
 * browser without a login in progress (a replay, another browser, another replica) throws, and so does an ID
 * token the container refuses. Each becomes a "login failed" error here, with its reason ({@link CallbackCheck}),
 * rendered by the application's error page, and no session.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class LoginMechanism implements HttpAuthenticationMechanism {

    /** The request attribute that carries a {@link LoginFailedException}, or a provider failure, to the error page. */
    public static final String FAILURE_ATTRIBUTE = LoginMechanism.class.getName() + ".failure";
    private static final Logger LOG = Logger.getLogger(LoginMechanism.class.getName());

    @Inject
    BeanManager beanManager;

    @Inject
    BackendSettings backendSettings;

    @Inject
    OpenIdProvider provider;

    private volatile HttpAuthenticationMechanism container;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (!backendSettings.valid()) {
            // Nothing to log in to: the error page and the configuration gate answer "not configured".
            return context.isProtected() ? respond(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE) : context.doNothing();
        }
        boolean callback = isCallback(request) && request.getParameter("state") != null;
        CallbackCheck check = callback ? CallbackCheck.before(request, backendSettings.get().callbackUrl()) : null;
        if (callback) {
            LOG.log(Level.FINE, "Callback received (login in progress here: {0}, state known: {1}); the container "
                    + "exchanges the code at the provider's token endpoint", new Object[] {check.loginInProgress(), check.stateKnown()});
        }
        if (context.isProtected() && request.getUserPrincipal() == null && !callback) {
            try {
                provider.ensureReachable();
            } catch (ProviderException e) {
                return providerFailure(request, response, e, e.kind());
            }
        }
        try {
            AuthenticationStatus status = container().validateRequest(request, response, context);
            if (callback && status == AuthenticationStatus.SEND_FAILURE && !response.isCommitted()) {
                return fail(request, response, check.failure());
            }
            return status;
        } catch (RuntimeException e) {
            Optional<ProviderException.Kind> kind = ProviderException.kindOf(e);
            if (kind.isPresent()) {
                return providerFailure(request, response, e, kind.get());
            }
            if (!callback) {
                throw e;
            }
            LOG.log(Level.FINE, "The container refused the callback", e);
            return fail(request, response, check.failure(e));
        }
    }

    /**
     * The provider could not be used: the error page answers 502 or 503 with advice. (The container answers an
     * exception thrown by a mechanism with a bare 500 that skips error pages, so it must not escape.)
     */
    private AuthenticationStatus providerFailure(HttpServletRequest request, HttpServletResponse response,
            Exception e, ProviderException.Kind kind) {
        LOG.log(Level.WARNING, "The OpenID Provider " + backendSettings.get().issuerUrl() + " could not be used for "
                + request.getRequestURI() + ": " + rootMessage(e), e);
        request.setAttribute(FAILURE_ATTRIBUTE, e);
        return respond(response, kind.status());
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        return container().secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        container().cleanSubject(request, response, context);
    }

    private boolean isCallback(HttpServletRequest request) {
        return request.getRequestURI().equals(backendSettings.get().callbackUrl().getPath());
    }

    private AuthenticationStatus fail(HttpServletRequest request, HttpServletResponse response, LoginFailedException e) {
        LOG.log(Level.WARNING, "Login failed at the callback: {0}", e.getMessage());
        request.setAttribute(FAILURE_ATTRIBUTE, e);
        return respond(response, e.status());
    }

    /** Ends the request with an error status, which the application's error page renders. */
    private static AuthenticationStatus respond(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException io) {
            LOG.log(Level.FINE, "The browser went away", io);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * The container's own OpenID Connect mechanism: the other bean of this type. This alternative takes precedence
     * over it in injection, so it is looked up among all beans rather than injected.
     */
    private HttpAuthenticationMechanism container() {
        HttpAuthenticationMechanism found = container;
        if (found == null) {
            Bean<?> bean = beanManager.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(b -> !LoginMechanism.class.equals(b.getBeanClass()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The container defines no OpenID Connect mechanism"));
            found = (HttpAuthenticationMechanism) beanManager.getReference(bean, HttpAuthenticationMechanism.class,
                    beanManager.createCreationalContext(bean));
            container = found;
        }
        return found;
    }
}
