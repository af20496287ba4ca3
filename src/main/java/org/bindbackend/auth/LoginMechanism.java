package org.bindbackend.auth;

import jakarta.annotation.PostConstruct;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.auth.provider.OpenIdProvider;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.auth.provider.ProviderRelay;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.http.Route;
import org.bindbackend.shared.Causes;
import org.bindbackend.text.UntrustedText;

/**
 * Wraps the container's OpenID Connect mechanism (defined by {@link OpenIdLogin}), the application's one
 * authentication mechanism: it hands that mechanism the requests of a login (the protected login start and the
 * callback) and turns the outcomes it leaves bare into clear ones. Other requests are none of its business.
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

    /** The request attribute that carries a {@link LoginFailedException}, or a provider failure, to the error page. */
    public static final String FAILURE_ATTRIBUTE = LoginMechanism.class.getName() + ".failure";
    private static final Logger LOG = Logger.getLogger(LoginMechanism.class.getName());

    @Inject
    @Delegate
    @Any
    HttpAuthenticationMechanism container;

    @Inject
    BackendSettings backendSettings;

    @Inject
    OpenIdProvider provider;

    @Inject
    LoginCookies loginCookies;

    @Inject
    ProviderRelay relay;

    private List<String> scopes;

    @PostConstruct
    void init() {
        scopes = backendSettings.current().map(settings -> List.of(settings.scopes().split(" "))).orElse(List.of());
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (!backendSettings.valid()) {
            // Nothing to log in to: the error page and the configuration gate answer "not configured".
            return context.isProtected() ? respond(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE) : context.doNothing();
        }
        boolean callback = Route.of(request) == Route.CALLBACK;
        if (callback) {
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
        if (request.getUserPrincipal() == null) {
            try {
                provider.ensureReachable();
            } catch (ProviderException e) {
                return providerFailure(request, response, e, e.kind());
            }
        }
        ProviderRedirect redirect = new ProviderRedirect(response, location -> sentToProvider(request, response, location));
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
            return fail(request, response, check.failure());
        }
        LOG.fine("The container exchanges the code at the provider's token endpoint");
        login.map(LoginTransaction::codeVerifier).ifPresent(verifier ->
                relay.expectExchange(request.getParameter("code"), verifier));
        try {
            AuthenticationStatus status = container.validateRequest(request, response, context);
            if (!refused(status, response)) {
                return status;
            }
            if (response.isCommitted()) {
                // Open Liberty answered the refusal itself (a 403 for claims its client rejects): the error page
                // still says why.
                LoginFailedException failure = check.failure();
                LOG.warning(failure.logLine());
                request.setAttribute(FAILURE_ATTRIBUTE, failure);
                return status;
            }
            return fail(request, response, check.failure());
        } catch (RuntimeException e) {
            Optional<ProviderException.Kind> kind = ProviderException.kindOf(e);
            if (kind.isPresent()) {
                return providerFailure(request, response, e, kind.get());
            }
            LOG.log(Level.FINE, "The container refused the callback: {0}", e.getClass().getName());
            return fail(request, response, check.failure(e));
        }
    }

    /**
     * The container sends the browser to the provider: the authorization request gets every scope the backend
     * needs and, when PKCE is on, a code challenge (RFC 7636 §4.3); its {@code state}, {@code nonce} and the
     * challenge's verifier join this browser's login in its cookie.
     */
    private String sentToProvider(HttpServletRequest request, HttpServletResponse response, String location) {
        String sent = RequestedScopes.withScopes(location, scopes);
        Optional<String> state = ProviderRedirect.parameter(sent, "state");
        Optional<String> nonce = ProviderRedirect.parameter(sent, "nonce");
        if (state.isEmpty() || nonce.isEmpty()) {
            return sent;
        }
        ProofKey proofKey = null;
        if (pkceOn() && ProviderRedirect.parameter(sent, "code_challenge").isEmpty()) {
            proofKey = ProofKey.random();
            sent = ProviderRedirect.withParameters(sent, Map.of("code_challenge", proofKey.challenge(),
                    "code_challenge_method", ProofKey.METHOD));
        }
        LoginTransaction login = loginCookies.read(request)
                .orElseGet(() -> LoginTransaction.starting(LoginIntent.page(ReturnPath.HOME)));
        response.addHeader("Set-Cookie", loginCookies.setCookie(login.sentWith(state.get(), nonce.get(),
                proofKey == null ? null : proofKey.verifier())));
        LOG.log(Level.FINE, "Login ({0}) sent to the provider''s authorization endpoint{1}",
                new Object[] {login.intent().kind(), proofKey == null ? "" : ", with a PKCE challenge"});
        return sent;
    }

    /** {@code oidc.pkce}: S256 always (and for a public client), off never, else when discovery lists S256. */
    private boolean pkceOn() {
        Settings settings = backendSettings.get();
        if (settings.embedded()) {
            return false;
        }
        return switch (settings.pkce()) {
            case S256 -> true;
            case OFF -> false;
            case AUTO -> {
                try {
                    yield provider.discovery().supportsS256();
                } catch (ProviderException e) {
                    yield false;
                }
            }
        };
    }

    /**
     * The provider could not be used: the error page answers 502 or 503 with advice. (The container answers an
     * exception thrown by a mechanism with a bare 500 that skips error pages, so it must not escape.)
     */
    private AuthenticationStatus providerFailure(HttpServletRequest request, HttpServletResponse response,
            Exception e, ProviderException.Kind kind) {
        LOG.log(Level.WARNING, "The OpenID Provider " + backendSettings.get().issuerUrl() + " could not be used for "
                + UntrustedText.forLog(Route.routedPath(request)) + ": " + UntrustedText.forLog(rootMessage(e)));
        LOG.log(Level.FINE, "The provider's failure", e);
        request.setAttribute(FAILURE_ATTRIBUTE, e);
        return respond(response, kind.status());
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = Causes.root(thrown);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
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

    /**
     * A callback the container did not accept. Payara answers {@code SEND_FAILURE}; Open Liberty answers
     * {@code SEND_CONTINUE} with a 401 and no redirect (so that its security collaborator does not let the request
     * through), or {@code NOT_DONE} when the browser brought no session with the login's state.
     */
    private static boolean refused(AuthenticationStatus status, HttpServletResponse response) {
        return switch (status) {
            case SUCCESS -> false;
            case SEND_CONTINUE -> response.getHeader("Location") == null;
            case SEND_FAILURE, NOT_DONE -> true;
        };
    }

    private AuthenticationStatus fail(HttpServletRequest request, HttpServletResponse response, LoginFailedException e) {
        LOG.warning(e.logLine());
        request.setAttribute(FAILURE_ATTRIBUTE, e);
        return respond(response, e.status());
    }

    /**
     * Ends the request with an error status, which the application's error page renders. {@code SEND_CONTINUE}
     * (the response is written, nothing more to do) rather than {@code SEND_FAILURE}: Open Liberty lets a request
     * to an unprotected resource such as the callback go on to its servlet after a {@code SEND_FAILURE}.
     */
    private static AuthenticationStatus respond(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException io) {
            LOG.log(Level.FINE, "The browser went away", io);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
