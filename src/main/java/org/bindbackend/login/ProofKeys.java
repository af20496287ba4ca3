package org.bindbackend.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.login.relay.ProviderRelay;
import org.bindbackend.provider.ProviderClient;
import org.bindbackend.provider.ProviderException;

/**
 * PKCE (RFC 7636) in external mode, in one place: whether a login sends a challenge ({@code oidc.pkce}), and at the
 * callback the hand-over of the login's verifier to the relay, which adds it to the container's exchange of that
 * one code (§4.5): the container cannot send it itself. The verifier travels sealed in the login cookie between.
 */
@ApplicationScoped
public class ProofKeys {

    @Inject
    BackendSettings backendSettings;

    @Inject
    ProviderClient provider;

    @Inject
    ProviderRelay relay;

    /** A new proof key for a login about to leave for the provider, when its challenge is to be sent. */
    Optional<ProofKey> forNewLogin() {
        return sendsChallenges() ? Optional.of(ProofKey.random()) : Optional.empty();
    }

    /**
     * The container is about to exchange {@code code} of {@code login}: when the login sent a challenge, the relay
     * adds its verifier to that exchange until the returned exchange is closed.
     */
    ProviderRelay.ExpectedExchange expectExchange(String code, LoginTransaction login) {
        return relay.expectExchange(code, login.codeVerifier());
    }

    /** {@code oidc.pkce}: S256 always (and for a public client), off never, else when discovery lists S256. */
    private boolean sendsChallenges() {
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
