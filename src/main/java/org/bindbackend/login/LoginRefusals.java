package org.bindbackend.login;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bindbackend.logs.AuditEvent;
import org.bindbackend.logs.AuditTrail;
import org.bindbackend.logs.Logs;

/**
 * Where every refused login is told, wherever it was refused: one WARNING line each, but of each reason only the
 * first few a minute; the rest are counted and summed up in one line when the minute ends ({@link RefusalLog}), so
 * that thousands of forged or replayed callbacks leave a handful of lines that say what happened. Each refusal is
 * counted in the metrics ({@link LoginEvents}); the audit trail has an event for each refusal the log writes whole,
 * for each of a user the provider vouched for, and one {@code login_refusals_summed} event for each summary line, so
 * that a flood of anonymous requests cannot fill it either.
 */
@ApplicationScoped
public class LoginRefusals {

    private static final Logger LOG = Logs.of(LoginRefusals.class);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Clock clock;

    @Inject
    LoginCookies loginCookies;

    @Inject
    LoginEvents events;

    @Inject
    AuditTrail audit;

    private RefusalLog refusals;
    private boolean summaryScheduled;

    @PostConstruct
    void init() {
        refusals = new RefusalLog(clock);
    }

    /**
     * Tells of {@code refusal} of the login {@code request} brought: logged, or counted when its reason was logged
     * often enough this minute; counted in the metrics; audited as the class says.
     */
    public void refused(HttpServletRequest request, LoginRefusal refusal) {
        RefusalLog.Recorded recorded = refusals.record(refusal);
        recorded.ended().ifPresent(this::summed);
        recorded.line().ifPresent(LOG::warning);
        Optional<LoginIntent.Kind> client = loginCookies.read(request).map(login -> login.intent().kind());
        events.refused(request, refusal, client, recorded.line().isPresent() || refusal.user().isPresent());
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
        refusals.endedSummaries().forEach(this::summed);
        scheduleSummary();
    }

    private void summed(RefusalLog.Summary summary) {
        LOG.warning(summary.line());
        audit.record(AuditEvent.of("login_refusals_summed", null).with("reason", summary.reason().code())
                .with("count", summary.count()).with("from", summary.from().toString())
                .with("to", summary.to().toString()).result("refused"));
    }
}
