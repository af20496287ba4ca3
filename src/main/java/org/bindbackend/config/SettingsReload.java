package org.bindbackend.config;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;

/**
 * Reads the settings' source again every {@link #INTERVAL} in the background, with the same reader as at start, and
 * puts the live settings an operator changed into use ({@link LiveReload} decides, {@link LiveSetting} lists them):
 * requests keep reading the settings in memory, never the source. Each change taken into use is logged once and
 * fired as a {@link SettingChange} event, after the settings in memory hold it.
 *
 * <p>How soon a change in the server's configuration reaches the source read here is the server's matter: Payara
 * caches MicroProfile Config values (the WAR's {@code META-INF/microprofile-config.properties} keeps that cache
 * short), Open Liberty checks its configuration files every 500 ms by default (docs/configuration.md).
 *
 * <p>A backend whose settings were invalid at start stays as it is: it serves nothing but health until restarted.
 */
@ApplicationScoped
public class SettingsReload {

    private static final Logger LOG = Logs.of(SettingsReload.class);
    /** Well under a minute: a change is in use within this, plus the server's own delay. */
    static final Duration INTERVAL = Duration.ofSeconds(5);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    BackendSettings backendSettings;

    @Inject
    Event<SettingChange> changes;

    @Inject
    Clock clock;

    private ScheduledFuture<?> readings;
    private LiveReload reload;
    private boolean failureSaid;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (backendSettings.valid()) {
            reload = new LiveReload(backendSettings.started().orElseThrow().sources());
            readings = scheduler.scheduleWithFixedDelay(this::readAgain, INTERVAL.toMillis(), INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (readings != null) {
            readings.cancel(false);
        }
    }

    /** One reading; never throws, as a scheduled task that throws is not run again. */
    void readAgain() {
        try {
            LiveReload.Outcome outcome = reload.next(backendSettings.get(), backendSettings.read(), clock.instant());
            backendSettings.replace(outcome.settings());
            outcome.lines().forEach(line -> LOG.log(line.level(), line.message()));
            outcome.changes().forEach(changes::fire);
            failureSaid = false;
        } catch (RuntimeException e) {
            if (!failureSaid) {
                LOG.log(Level.WARNING, "Reading the settings again failed; the settings in use stay as they are", e);
                failureSaid = true;
            }
        }
    }
}
