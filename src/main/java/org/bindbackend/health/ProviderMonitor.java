package org.bindbackend.health;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.auth.provider.OpenIdProvider;
import org.bindbackend.auth.provider.ProviderException;
import org.bindbackend.auth.provider.ProviderStatus;
import org.bindbackend.config.BackendSettings;

/**
 * Asks an external provider in the background whether it can be used, whatever the traffic: every {@link #WHILE_UP}
 * while it could, every {@link #WHILE_DOWN} while it could not, so that its return is noticed soon. Each check
 * fetches its discovery document and keys ({@link OpenIdProvider#refresh()}, which also takes changed ones and logs
 * a change of state). Nothing a client sends makes more checks.
 */
@ApplicationScoped
public class ProviderMonitor {

    private static final Logger LOG = Logger.getLogger(ProviderMonitor.class.getName());
    static final Duration WHILE_UP = Duration.ofSeconds(30);
    static final Duration WHILE_DOWN = Duration.ofSeconds(5);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    BackendSettings backendSettings;

    @Inject
    OpenIdProvider provider;

    private ScheduledFuture<?> checks;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (backendSettings.current().filter(settings -> !settings.embedded()).isPresent()) {
            checks = scheduler.scheduleWithFixedDelay(this::checkWhenDue, 0, WHILE_DOWN.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (checks != null) {
            checks.cancel(false);
        }
    }

    private void checkWhenDue() {
        ProviderStatus last = provider.status().orElse(null);
        if (last != null && last.up() && last.checked().plus(WHILE_UP).isAfter(Instant.now())) {
            return;
        }
        try {
            provider.refresh();
        } catch (ProviderException e) {
            LOG.log(Level.FINE, "The OpenID Provider cannot be used: {0}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Checking the OpenID Provider failed", e);
        }
    }
}
