package org.bindbackend.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.auth.provider.OpenIdProvider;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.text.UntrustedText;
import org.jose4j.jwt.JwtClaims;

/**
 * Turns the container's finished OpenID Connect login into a backend session: the ID token is verified by this
 * backend's own code and the user checked against the allow-lists; only then may a session be issued.
 */
@ApplicationScoped
public class LoginCompletion {

    private static final Logger LOG = Logger.getLogger(LoginCompletion.class.getName());

    @Inject
    BackendSettings backendSettings;

    @Inject
    OpenIdProvider provider;

    /** The verified, allowed identity behind the raw ID token the container received. */
    public Identity verify(String idToken) throws LoginFailedException, ProviderException {
        Settings settings = backendSettings.get();
        String issuer = provider.discovery().issuer().toString();
        JwtClaims claims = new IdTokenVerifier(settings).verify(idToken, issuer, provider.keyResolver());
        Identity identity = IdentityClaims.of(claims, settings);
        if (!AccessPolicy.allows(settings, identity)) {
            LOG.log(Level.WARNING, "Login refused: subject {0} is not in oidc.allowed-users or oidc.allowed-groups",
                    UntrustedText.forLog(identity.subject()));
            throw new LoginFailedException(LoginFailedException.Reason.NOT_ALLOWED,
                    "you are not in the users or groups allowed to use this backend");
        }
        LOG.log(Level.FINE, "ID token verified (signature, iss, aud, exp, nonce) for {0}; allowed", identity.subject());
        return identity;
    }
}
