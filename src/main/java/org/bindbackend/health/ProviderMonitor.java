package org.bindbackend.health;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.issuer.ActiveIssuer;
import org.bindbackend.issuer.EmbeddedIssuer;
import org.bindbackend.logs.Logs;
import org.bindbackend.provider.ProviderClient;
import org.bindbackend.provider.ProviderException;
import org.bindbackend.provider.ProviderStatus;
import org.bindbackend.text.DefusedThrowable;

/**
 * Asks the provider in the background whether it can be used, whatever the traffic: every {@link #WHILE_UP} while it
 * could, every {@link #WHILE_DOWN} while it could not, so that its return is noticed soon. Each check fetches its
 * discovery document and keys ({@link ProviderClient#refresh()}, which also takes changed ones and logs a change of
 * state). Nothing a client sends makes more checks.
 *
 * <p>In embedded mode the provider is this server, reached at its issuer URL, which {@code external-url} makes: the
 * check asks whether that URL reaches this very server (its key set has this server's key), since a wrong port sends
 * every login where nothing, or another server, answers. Until it does, readiness is DOWN, and a few seconds after
 * start one line says what to set.
 */
@ApplicationScoped
public class ProviderMonitor {

    private static final Logger LOG = Logs.of(ProviderMonitor.class);
    static final Duration WHILE_UP = Duration.ofSeconds(30);
    static final Duration WHILE_DOWN = Duration.ofSeconds(5);
    /** After start, while the server's listener opens: checked often, and a failure not yet said. */
    static final Duration STARTING = Duration.ofSeconds(10);
    private static final Duration TICK = Duration.ofMillis(250);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    BackendSettings backendSettings;

    @Inject
    ProviderClient provider;

    @Inject
    ActiveIssuer activeIssuer;

    @Inject
    Clock clock;

    private ScheduledFuture<?> checks;
    private Instant started;
    private volatile Instant nextCheck = Instant.MIN;
    private volatile boolean ownIssuerReached;
    private volatile boolean ownIssuerFailureSaid;
    private volatile boolean publicClientWarned;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (backendSettings.valid()) {
            started = clock.instant();
            checks = scheduler.scheduleWithFixedDelay(this::checkWhenDue, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
    }

    /** In embedded mode: whether the issuer URL reaches this server, so that embedded logins can work. */
    public boolean embeddedLoginsWork() {
        return ownIssuerReached;
    }

    /**
     * Checks when the last answer is older than its interval: the provider's last status counts whoever asked
     * (a login that found it down makes the next check come {@link #WHILE_DOWN} after, not {@link #WHILE_UP}).
     */
    private void checkWhenDue() {
        Instant now = clock.instant();
        boolean embedded = backendSettings.get().embedded();
        if (embedded ? now.isBefore(nextCheck) : !due(now)) {
            return;
        }
        boolean up;
        try {
            up = embedded ? checkOwnIssuer() : refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking the OpenID Provider failed", DefusedThrowable.of(e));
            up = false;
        }
        nextCheck = now.plus(interval(up, now, embedded));
    }

    private boolean due(Instant now) {
        ProviderStatus last = provider.status().orElse(null);
        return last == null || !last.checked().plus(interval(last.up(), now, false)).isAfter(now);
    }

    /** While this server starts, its own issuer URL is asked often, so that readiness follows the listener at once. */
    private Duration interval(boolean up, Instant now, boolean embedded) {
        return up ? WHILE_UP : embedded && now.isBefore(started.plus(STARTING)) ? TICK : WHILE_DOWN;
    }

    private boolean refresh() {
        try {
            provider.refresh();
            Settings settings = backendSettings.get();
            if (settings.publicClient() && !provider.discovery().supportsS256() && !publicClientWarned) {
                LOG.warning("No client secret is set, so this backend logs in as a public client, by PKCE (S256) alone, "
                        + "and the provider's discovery document does not list S256 in code_challenge_methods_supported: "
                        + "logins fail unless the provider takes S256 anyway (set oidc.issuer-client-secret for a "
                        + "confidential client).");
                publicClientWarned = true;
            }
            return true;
        } catch (ProviderException e) {
            LOG.log(Level.FINE, "The OpenID Provider cannot be used: {0}", e.getMessage());
            return false;
        }
    }

    private boolean checkOwnIssuer() {
        Settings settings = backendSettings.get();
        String failure;
        try {
            provider.refresh();
            String keyId = activeIssuer.get().map(EmbeddedIssuer::keyId).orElse("");
            failure = provider.publishesKey(keyId) ? null : "another server answers there";
        } catch (ProviderException e) {
            failure = e.getMessage();
        }
        boolean reached = failure == null;
        if (reached && !ownIssuerReached && ownIssuerFailureSaid) {
            LOG.info("The embedded provider's issuer " + settings.issuerUrl() + " reaches this server now: logins work.");
        }
        if (!reached && clock.instant().isAfter(started.plus(Duration.ofSeconds(5)))
                && (ownIssuerReached || !ownIssuerFailureSaid)) {
            LOG.severe("Embedded logins cannot work: the issuer " + settings.issuerUrl() + " does not reach this server ("
                    + failure + "); set external-url (flag --external-url, env EXTERNAL_URL) to the URL this server "
                    + "is reached at, e.g. http://localhost:<its port>.");
            ownIssuerFailureSaid = true;
        }
        ownIssuerReached = reached;
        return reached;
    }
}
