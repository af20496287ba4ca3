package org.bindbackend.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.logs.Logs;
import org.bindbackend.shared.FormEncoding;

/**
 * What the backend adds to the authorization request the container sends the browser with (OIDC Core 3.1.2.1):
 * every scope it needs ({@link RequestedScopes}) and, when PKCE is on, a code challenge ({@link ProofKeys}); the
 * request's {@code state} and {@code nonce}, and the challenge's verifier, join this browser's login in its cookie
 * ({@link LoginCookies}).
 */
@ApplicationScoped
public class ContainerRedirectAdditions {

    private static final Logger LOG = Logs.of(ContainerRedirectAdditions.class);

    @Inject
    BackendSettings backendSettings;

    @Inject
    ProofKeys proofKeys;

    @Inject
    LoginCookies loginCookies;

    /** The authorization request at {@code location} as it leaves, the login cookie set on {@code response}. */
    String added(HttpServletRequest request, HttpServletResponse response, String location) {
        String sent = RequestedScopes.withScopes(location, List.of(backendSettings.get().scopes().split(" ")));
        Optional<String> state = FormEncoding.queryParameter(sent, "state");
        Optional<String> nonce = FormEncoding.queryParameter(sent, "nonce");
        if (state.isEmpty() || nonce.isEmpty()) {
            return sent;
        }
        Optional<ProofKey> proofKey = FormEncoding.queryParameter(sent, "code_challenge").isPresent() ? Optional.empty()
                : proofKeys.forNewLogin();
        if (proofKey.isPresent()) {
            sent = FormEncoding.withParameters(sent, new TreeMap<>(proofKey.get().requestParameters()));
        }
        LoginTransaction login = loginCookies.read(request)
                .orElseGet(() -> LoginTransaction.starting(LoginIntent.page(ReturnPath.HOME)));
        response.addHeader("Set-Cookie", loginCookies.setCookie(login.sentWith(state.get(), nonce.get(),
                proofKey.map(ProofKey::verifier).orElse(null))));
        LOG.log(Level.FINE, "Login ({0}) sent to the provider''s authorization endpoint{1}",
                new Object[] {login.intent().kind(), proofKey.isEmpty() ? "" : ", with a PKCE challenge"});
        return sent;
    }
}
