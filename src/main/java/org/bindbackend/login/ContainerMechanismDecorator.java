package org.bindbackend.login;

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
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.answer.Answers;
import org.bindbackend.answer.Failure;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.http.Route;
import org.bindbackend.login.relay.ProviderRelay;
import org.bindbackend.login.relay.RelayListener;
import org.bindbackend.logs.Logs;
import org.bindbackend.provider.ProviderClient;
import org.bindbackend.provider.ProviderException;
import org.bindbackend.text.DefusedThrowable;

/**
 * Wraps the container's OpenID Connect mechanism (defined by {@link ContainerMechanismDefinition}), the application's
 * one authentication mechanism: it hands that mechanism the requests of a login (the protected login start and the
 * callback) and turns the outcomes it leaves bare into clear ones. Other requests are none of its business. What it
 * adds to the authorization request is {@link ContainerRedirectAdditions}' job, reading the container's verdict
 * {@link ContainerVerdict}'s.
 *
 * <p>A CDI decorator (CDI 4.0 §8) rather than a second mechanism, so that every server calls it: Payara's Soteria
 * applies decorators to the mechanism it defines, and Open Liberty calls the mechanism bean of the annotation
 * directly (with an alternative mechanism bean beside it, it picks one of the two at random).
 *
 * <p>A login it refuses is a {@link LoginRefusal}: logged in one line and answered here, through
 * {@code answer.Answers}, as a page or a JSON error, with {@code SEND_CONTINUE} (the response is written, nothing
 * more to do; Open Liberty would let a request to an unprotected resource such as the callback go on to its servlet
 * after a {@code SEND_FAILURE}). Nothing is thrown to the container, which would answer a bare 500.
 *
 * <p>Measured on Payara Micro: a callback with a tampered state ends as an empty HTTP 200, one that arrives in a
 * browser without a login in progress (a replay, another browser) throws, and so does an ID token the container
 * refuses. Each is refused here, with its reason ({@link CallbackCheck}), and no session.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class ContainerMechanismDecorator implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logs.of(ContainerMechanismDecorator.class);

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
    ProofKeys proofKeys;

    @Inject
    ContainerRedirectAdditions additions;

    @Inject
    AnsweredLogins answeredLogins;

    @Inject
    LoginRefusals refusals;

    @Inject
    RelayListener relayListener;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (!backendSettings.valid()) {
            // Nothing to log in to (the configuration gate answers the same for requests that reach the application).
            if (context.isProtected()) {
                answer(request, response, Failure.notConfigured());
                return AuthenticationStatus.SEND_CONTINUE;
            }
            return context.doNothing();
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
                if (!backendSettings.get().embedded()) {
                    // Without the relay the server's client cannot exchange the code: say so now, as Payara does,
                    // rather than send the browser to the provider for a login that must fail at the callback.
                    relayListener.base();
                }
            } catch (ProviderException e) {
                return refuse(request, response, providerFailure(request, e, e.kind()));
            }
        }
        ContainerRedirect redirect = new ContainerRedirect(response,
                location -> additions.added(request, response, location));
        try {
            return container.validateRequest(request, redirect.response(), redirect.context(context));
        } catch (RuntimeException e) {
            Optional<ProviderException.Kind> kind = ProviderException.kindOf(e);
            if (kind.isPresent()) {
                return refuse(request, response, providerFailure(request, e, kind.get()));
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
        LoginEvents.callbackArrived(request);
        if (request.getParameter("error") != null) {
            return context.doNothing();
        }
        Optional<LoginTransaction> login = loginCookies.read(request);
        CallbackCheck check = CallbackCheck.of(request, login, backendSettings.get().callbackUrl());
        LOG.log(Level.FINE, "Callback received (login in progress in this browser: {0}, state matches: {1})",
                new Object[] {check.loginInProgress(), check.stateKnown()});
        Optional<LoginRefusal> refused = check.refusal();
        if (refused.isPresent()) {
            return refuse(request, response, refused.get());
        }
        if (!answeredLogins.firstAnswer(login.get().state())) {
            return refuse(request, response, CallbackCheck.replayed());
        }
        LOG.fine("The container exchanges the code at the provider's token endpoint");
        try (ProviderRelay.ExpectedExchange exchange = proofKeys.expectExchange(request.getParameter("code"),
                login.get())) {
            AuthenticationStatus status = container.validateRequest(request, response, context);
            if (!ContainerVerdict.refused(status, response)) {
                return status;
            }
            LoginRefusal refusal = status == AuthenticationStatus.NOT_DONE ? CallbackCheck.containerHasNoLogin("")
                    : CallbackCheck.containerRefused();
            if (response.isCommitted()) {
                // Open Liberty answered the refusal itself (a 403 for claims its client rejects), and the application's
                // error page renders it; the log still says why.
                refusals.refused(request, refusal);
                return status;
            }
            return refuse(request, response, refusal);
        } catch (RuntimeException e) {
            Optional<ProviderException.Kind> kind = ProviderException.kindOf(e);
            if (kind.isPresent()) {
                return refuse(request, response, providerFailure(request, e, kind.get()));
            }
            LOG.log(Level.FINE, "The container refused the callback: {0}", e.getClass().getName());
            return refuse(request, response, CallbackCheck.containerThrew(e));
        }
    }

    private LoginRefusal providerFailure(HttpServletRequest request, Exception e, ProviderException.Kind kind) {
        LOG.log(Level.FINE, "The provider's failure", DefusedThrowable.of(e));
        return LoginRefusal.providerFailure(e, kind, backendSettings.get().issuerUrl().toString(),
                Route.routedPath(request));
    }

    /** Ends the request with {@code refusal}: logged, and answered as a page or a JSON error. */
    private AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
            LoginRefusal refusal) {
        refusals.refused(request, refusal);
        answer(request, response, refusal.failure());
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Failure failure) {
        try {
            Answers.send(request, response, Route.of(request), failure);
        } catch (IOException io) {
            LOG.log(Level.FINE, "The browser went away", DefusedThrowable.of(io));
        }
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
