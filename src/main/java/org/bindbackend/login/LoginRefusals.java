package org.bindbackend.login;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Where every refused login is logged, wherever it was refused: one WARNING line each, but of each reason only the
 * first few a minute; the rest are counted and summed up in one line when the minute ends ({@link RefusalLog}), so
 * that thousands of forged or replayed callbacks leave a handful of lines that say what happened.
 */
@ApplicationScoped
public class LoginRefusals {

    private static final Logger LOG = Logger.getLogger(LoginRefusals.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    private RefusalLog refusals;
    private boolean summaryScheduled;

    @PostConstruct
    void init() {
        refusals = new RefusalLog(clock);
    }

    /** Logs {@code refusal}, or counts it when its reason was logged often enough this minute. */
    public void log(LoginRefusal refusal) {
        refusals.record(refusal).forEach(LOG::warning);
        scheduleSummary();
    }

    /** The summary of a minute that counted refusals is written when it ends, even when no refusal follows. */
    private synchronized void scheduleSummary() {
        if (summaryScheduled) {
            return;
        }
        refusals.summaryDue().ifPresent(due -> {
            summaryScheduled = true;
            long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis()) + 100;
            scheduler.schedule(this::writeSummaries, delay, TimeUnit.MILLISECONDS);
        });
    }

    private void writeSummaries() {
        synchronized (this) {
            summaryScheduled = false;
        }
        refusals.endedSummaries().forEach(LOG::warning);
        scheduleSummary();
    }
}
