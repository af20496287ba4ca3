package org.bindbackend.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.http.Cookies;
import org.bindbackend.http.Route;
import org.bindbackend.login.LoginRefusal.Reason;
import org.bindbackend.logs.Logs;
import org.bindbackend.provider.ProviderClient;
import org.bindbackend.provider.ProviderException;
import org.bindbackend.session.AccessPolicy;
import org.bindbackend.session.Identity;
import org.bindbackend.session.IssuedSession;
import org.bindbackend.session.Sessions;
import org.bindbackend.text.UntrustedText;
import org.jose4j.jwt.JwtClaims;

/**
 * A login, as the rest of the backend sees it: it {@link #begin}s for an intent (a page, the CLI, a web UI) and,
 * after the container's mechanism ran the ceremony at the provider ({@link ContainerMechanismDecorator}), it is
 * {@link #complete}d at the callback: the provider's error told in this backend's words, or else the ID token
 * verified by this backend's own code with the nonce this browser's login was sent with, the user checked against
 * the allow-lists, and only then a session issued and the login finished as its intent says.
 */
@ApplicationScoped
public class Logins {

    private static final Logger LOG = Logs.of(Logins.class);

    @Inject
    BackendSettings backendSettings;

    @Inject
    ProviderClient provider;

    @Inject
    LoginCookies loginCookies;

    @Inject
    Sessions sessions;

    @Inject
    Clock clock;

    @Inject
    LoginEvents events;

    /** Where to send the browser, and the cookie it must keep on the way. */
    public record Redirect(String path, String setCookie) {
    }

    /**
     * A login for {@code intent}: the browser keeps it in its cookie ({@link LoginCookies}) and goes to the path the
     * container protects, whose mechanism sends it on to the provider.
     *
     * @throws OversizedLoginException when the cookie would be larger than browsers keep ({@link LoginCookieSize})
     */
    public Redirect begin(LoginIntent intent) throws OversizedLoginException {
        LoginCookieSize.check(loginCookies, intent);
        LOG.log(Level.FINE, "Login started ({0}); the container redirects the browser to the provider", intent.kind());
        events.started(intent);
        return new Redirect(Route.LOGIN_START_PATH, loginCookies.setCookie(LoginTransaction.starting(intent)));
    }

    /**
     * @param request the provider's answer at the callback
     * @param idToken the raw ID token the container received, or null when the container logged nobody in
     */
    public LoginOutcome complete(HttpServletRequest request, String idToken) {
        List<String> cookies = List.of(loginCookies.clearCookie());
        String error = request.getParameter("error");
        if (error != null) {
            // OIDC Core 3.1.2.6 (RFC 6749 §4.1.2.1): the provider refused the authorization request.
            return new LoginOutcome.Refused(ProviderError.refusal(error, request.getParameter("error_description")),
                    cookies);
        }
        Optional<LoginTransaction> login = loginCookies.read(request);
        if (login.isEmpty()) {
            return new LoginOutcome.Refused(LoginRefusal.of(Reason.NO_LOGIN_IN_PROGRESS,
                    CallbackCheck.NO_LOGIN_IN_PROGRESS), cookies);
        }
        if (idToken == null) {
            return new LoginOutcome.Refused(LoginRefusal.of(Reason.NO_LOGIN_IN_PROGRESS,
                    "this address receives the provider's answer to a login started here, and none is in progress"),
                    cookies);
        }
        try {
            return completed(request, login.get(), verify(idToken, login.get().nonce()), cookies);
        } catch (LoginRefusedException e) {
            return new LoginOutcome.Refused(e.refusal(), cookies);
        } catch (ProviderException e) {
            return new LoginOutcome.Refused(LoginRefusal.providerFailure(e, e.kind(),
                    backendSettings.get().issuerUrl().toString(), Route.routedPath(request)), cookies);
        }
    }

    private LoginOutcome completed(HttpServletRequest request, LoginTransaction login, JwtClaims verified,
            List<String> loginCookie)
            throws LoginRefusedException {
        Settings settings = backendSettings.get();
        Identity identity = allowed(IdentityClaims.of(verified, settings));
        IssuedSession issued = sessions.issue(identity, login.intent().clusterId(),
                IdentityClaims.providerSession(verified));
        List<String> cookies = new ArrayList<>(loginCookie);
        if (login.intent().usesCookie()) {
            String sessionCookie = sessions.setCookie(issued);
            if (Cookies.bytes(sessionCookie) >= Cookies.MAX_BYTES) {
                return new LoginOutcome.Refused(LoginRefusal.sessionTooLarge(Cookies.bytes(sessionCookie)).of(identity),
                        loginCookie);
            }
            cookies.add(sessionCookie);
        }
        LOG.log(Level.FINE, "Session issued to {0} for a {1} login",
                new Object[] {UntrustedText.forLog(identity.subject()), login.intent().kind()});
        events.completed(request, login.intent(), identity);
        return new LoginOutcome.Completed(login.intent().redirect(issued, settings.sessions().tokenExpiry().toSeconds()),
                cookies);
    }

    /** The claims of the raw ID token, verified; it must carry {@code nonce}. */
    private JwtClaims verify(String idToken, String nonce) throws LoginRefusedException, ProviderException {
        String issuer = provider.discovery().issuer().toString();
        return new IdTokenVerifier(backendSettings.get(), clock).verify(idToken, issuer, provider.keyResolver(), nonce);
    }

    /** {@code identity}, when the allow-lists admit it. */
    private Identity allowed(Identity identity) throws LoginRefusedException {
        if (!AccessPolicy.allows(backendSettings.get(), identity)) {
            throw new LoginRefusedException(LoginRefusal.of(Reason.NOT_ALLOWED,
                    "you are not in the users or groups allowed to use this backend",
                    "; subject " + UntrustedText.forLog(identity.subject())
                            + " is not in oidc.allowed-users or oidc.allowed-groups").of(identity));
        }
        LOG.log(Level.FINE, "ID token verified (signature, iss, aud, exp, nonce) for {0}; allowed",
                UntrustedText.forLog(identity.subject()));
        return identity;
    }
}
