package org.bindbackend.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.auth.LoginFailedException.Reason;
import org.bindbackend.auth.provider.ProviderClient;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.text.UntrustedText;
import org.jose4j.jwt.JwtClaims;

/**
 * Turns the container's finished OpenID Connect login into a backend session, at the callback: the provider's
 * error is told in this backend's words; otherwise the ID token is verified by this backend's own code, its nonce
 * compared with the one this browser's login was sent with, and the user checked against the allow-lists. Only
 * then is a session issued, and the login finished as its intent says.
 */
@ApplicationScoped
public class LoginCompletion {

    private static final Logger LOG = Logger.getLogger(LoginCompletion.class.getName());

    @Inject
    BackendSettings backendSettings;

    @Inject
    ProviderClient provider;

    @Inject
    LoginCookies loginCookies;

    @Inject
    SessionTokens sessionTokens;

    /**
     * @param request the provider's answer at the callback
     * @param idToken the raw ID token the container received, or null when the container logged nobody in
     */
    public CompletedLogin complete(HttpServletRequest request, String idToken) throws LoginFailedException, ProviderException {
        String error = request.getParameter("error");
        if (error != null) {
            // OIDC Core 3.1.2.6 (RFC 6749 §4.1.2.1): the provider refused the authorization request.
            throw ProviderError.refusal(error, request.getParameter("error_description"));
        }
        LoginTransaction login = loginCookies.read(request).orElseThrow(() -> new LoginFailedException(
                Reason.NO_LOGIN_IN_PROGRESS, "no login is in progress in this browser: it was already completed, it "
                        + "expired, or it was started in another browser"));
        if (idToken == null) {
            throw new LoginFailedException(Reason.NO_LOGIN_IN_PROGRESS,
                    "this address receives the provider's answer to a login started here, and none is in progress");
        }
        Identity identity = verify(idToken, login.nonce());
        Settings settings = backendSettings.get();
        IssuedSession issued = sessionTokens.issue(identity, login.intent().clusterId());
        List<String> cookies = new ArrayList<>(List.of(loginCookies.clearCookie()));
        if (login.intent().usesCookie()) {
            cookies.add(SessionCookie.setCookie(issued.token(), settings));
        }
        LOG.log(Level.FINE, "Session issued to {0} for a {1} login",
                new Object[] {UntrustedText.forLog(identity.subject()), login.intent().kind()});
        return new CompletedLogin(login.intent().redirect(issued, settings.sessions().tokenExpiry().toSeconds()), cookies);
    }

    /** The {@code Set-Cookie} header value that ends a login that failed. */
    public String clearLoginCookie() {
        return loginCookies.clearCookie();
    }

    /** The verified, allowed identity behind the raw ID token, which must carry {@code nonce}. */
    Identity verify(String idToken, String nonce) throws LoginFailedException, ProviderException {
        Settings settings = backendSettings.get();
        String issuer = provider.discovery().issuer().toString();
        JwtClaims claims = new IdTokenVerifier(settings).verify(idToken, issuer, provider.keyResolver(), nonce);
        Identity identity = IdentityClaims.of(claims, settings);
        if (!AccessPolicy.allows(settings, identity)) {
            LOG.log(Level.WARNING, "Login refused: subject {0} is not in oidc.allowed-users or oidc.allowed-groups",
                    UntrustedText.forLog(identity.subject()));
            throw new LoginFailedException(Reason.NOT_ALLOWED,
                    "you are not in the users or groups allowed to use this backend");
        }
        LOG.log(Level.FINE, "ID token verified (signature, iss, aud, exp, nonce) for {0}; allowed",
                UntrustedText.forLog(identity.subject()));
        return identity;
    }
}
