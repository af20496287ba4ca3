package org.bindbackend.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.auth.provider.ProviderClient;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;

/**
 * What the backend adds to the authorization request the container sends the browser with (OIDC Core 3.1.2.1):
 * every scope it needs and, when PKCE is on, a code challenge (RFC 7636 §4.3); the request's {@code state} and
 * {@code nonce}, and the challenge's verifier, join this browser's login in its cookie ({@link LoginCookies}).
 */
@ApplicationScoped
public class AuthorizationRequestAdditions {

    private static final Logger LOG = Logger.getLogger(AuthorizationRequestAdditions.class.getName());

    @Inject
    BackendSettings backendSettings;

    @Inject
    ProviderClient provider;

    @Inject
    LoginCookies loginCookies;

    /** The authorization request at {@code location} as it leaves, the login cookie set on {@code response}. */
    String added(HttpServletRequest request, HttpServletResponse response, String location) {
        String sent = RequestedScopes.withScopes(location, scopes());
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

    private List<String> scopes() {
        return List.of(backendSettings.get().scopes().split(" "));
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
}
