package org.bindbackend.backchannel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.logs.Logs;
import org.bindbackend.logs.RepeatedWarnings;
import org.bindbackend.metrics.Metrics;
import org.bindbackend.provider.ProviderClient;
import org.bindbackend.provider.ProviderException;
import org.bindbackend.provider.ProviderTokens;
import org.bindbackend.revocation.Revocations;
import org.bindbackend.session.Sessions;
import org.bindbackend.text.UntrustedText;

/**
 * The provider's back-channel logouts (OpenID Connect Back-Channel Logout 1.0): a logout token, verified
 * ({@link LogoutTokenVerifier}) and used once across all replicas (its {@code jti}, marked in the data grid with
 * {@code cluster}), ends every session and CLI token that came from the provider session it names ({@code sid}),
 * or with a {@code sub} alone every one of that user issued until now, on every replica (through the revocations,
 * shared as logouts are). Anything else ends nothing and is said: to the provider as an OAuth error, in the log
 * once a minute per kind.
 */
@ApplicationScoped
public class BackChannelLogouts {

    private static final Logger LOG = Logs.of(BackChannelLogouts.class);

    @Inject
    BackendSettings backendSettings;

    @Inject
    ProviderClient provider;

    @Inject
    Sessions sessions;

    @Inject
    Revocations revocations;

    @Inject
    Clock clock;

    @Inject
    Metrics metrics;

    private volatile RepeatedWarnings warnings;

    /**
     * What became of a logout token: what it ended (the provider's subject, and whether one provider session or the
     * user's every session), or why it ended nothing, in words safe to tell the caller; the reason's code for
     * the metrics and the audit trail; and whether the log told of it (a refusal of a kind already told this minute
     * is only counted, in the log and in the audit trail, so that a flood of forged tokens fills neither).
     */
    public record Outcome(Optional<String> refusal, String code, String subject, String ended, boolean logged) {

        static Outcome ended(LogoutToken token) {
            return new Outcome(Optional.empty(), "ended", token.subject(),
                    token.session().isEmpty() ? "user" : "provider_session", true);
        }

        static Outcome refused(String code, String reason, boolean logged) {
            return new Outcome(Optional.of(reason), code, "", "", logged);
        }
    }

    /** Ends what the logout token {@code logoutToken} names, if it is one the provider sent this client. */
    public Outcome receive(String logoutToken) {
        Settings settings = backendSettings.get();
        LogoutToken token;
        try {
            String issuer = provider.discovery().issuer().toString();
            token = new LogoutTokenVerifier(settings, clock).verify(logoutToken, issuer, provider.keyResolver());
        } catch (RefusedLogoutToken e) {
            return refused("invalid", e.getMessage());
        } catch (ProviderException e) {
            return refused("provider_unavailable", "the provider's keys could not be fetched to verify the logout "
                    + "token: " + e.getMessage());
        }
        if (!revocations.markOnce("logout-token " + token.issuer() + " " + token.id(),
                LogoutTokenVerifier.ISSUED_WITHIN.plusSeconds(2L * ProviderTokens.CLOCK_SKEW_SECONDS))) {
            return refused("replayed", "the logout token was received before (its jti is used)");
        }
        if (token.session().isEmpty()) {
            sessions.endUser(token.issuer(), token.subject());
        } else {
            sessions.endProviderSession(token.issuer(), token.session(), token.subject());
        }
        LOG.log(Level.INFO, "Back-channel logout from the provider: ended the sessions of {0}",
                token.session().isEmpty() ? "subject " + UntrustedText.forLog(token.subject()) + " issued until now"
                        : "provider session " + UntrustedText.forLog(token.session()));
        counted("ended");
        return Outcome.ended(token);
    }

    private Outcome refused(String code, String reason) {
        boolean logged = warnings().warn(code, () -> "Back-channel logout refused (" + code + "), nothing ended: "
                + reason);
        counted(code);
        return Outcome.refused(code, reason, logged);
    }

    /** {@code bind.backchannel.logouts}: the logout tokens received, by what became of them. */
    private void counted(String result) {
        metrics.counter("bind.backchannel.logouts", "Logout tokens the provider sent, by what became of them: ended, "
                + "invalid, replayed, provider_unavailable", "result", result).inc();
    }

    private RepeatedWarnings warnings() {
        RepeatedWarnings made = warnings;
        if (made == null) {
            made = new RepeatedWarnings(LOG, clock);
            warnings = made;
        }
        return made;
    }
}
