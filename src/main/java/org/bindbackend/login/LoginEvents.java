package org.bindbackend.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.logs.AuditEvent;
import org.bindbackend.logs.AuditTrail;
import org.bindbackend.metrics.Metrics;
import org.bindbackend.session.Identity;

/**
 * What operators learn of logins: each one started, completed or refused is counted by mode, client type (browser,
 * cli, ui) and, when refused, the reason code the log and the page give ({@code bind.logins.*}); a completed login's
 * time from the callback's arrival to its session ({@code bind.login.duration}, the container's code exchange
 * included); and an audit event for each completed or refused login and each token handed to the CLI or a web UI.
 */
@ApplicationScoped
public class LoginEvents {

    /** The request attribute holding when the callback arrived ({@link System#nanoTime()}). */
    static final String CALLBACK_ARRIVED = LoginEvents.class.getName() + ".callbackArrived";
    /** The client of a refusal whose login cookie could not be read. */
    static final String UNKNOWN_CLIENT = "unknown";

    @Inject
    Metrics metrics;

    @Inject
    AuditTrail audit;

    @Inject
    BackendSettings backendSettings;

    /** The callback arrived: a completed login's duration counts from now. */
    static void callbackArrived(HttpServletRequest request) {
        request.setAttribute(CALLBACK_ARRIVED, System.nanoTime());
    }

    void started(LoginIntent intent) {
        metrics.counter("bind.logins.started", "Logins started, by mode and client type (browser, cli, ui)",
                "mode", mode(), "client", client(intent.kind())).inc();
    }

    void completed(HttpServletRequest request, LoginIntent intent, Identity identity) {
        String client = client(intent.kind());
        metrics.counter("bind.logins.completed", "Logins that ended in a session, by mode and client type",
                "mode", mode(), "client", client).inc();
        if (request.getAttribute(CALLBACK_ARRIVED) instanceof Long arrived) {
            metrics.timer("bind.login.duration", "From a login's callback to its session: the code exchange at the "
                    + "provider and the backend's checks", "mode", mode())
                    .record(Duration.ofNanos(System.nanoTime() - arrived));
        }
        audit.record(AuditEvent.of("login_completed", request).user(identity.subject(), identity.username())
                .with("mode", mode()).with("client_type", client).result("success"));
        if (intent.kind() != LoginIntent.Kind.PAGE) {
            audit.record(AuditEvent.of("token_issued", request).user(identity.subject(), identity.username())
                    .with("client_type", client).with("redirect_host", URI.create(intent.target()).getHost())
                    .result("success"));
        }
    }

    /**
     * @param client  the login's client type, when its login cookie could be read
     * @param audited whether the audit trail gets an event of it (see {@link LoginRefusals})
     */
    void refused(HttpServletRequest request, LoginRefusal refusal, Optional<LoginIntent.Kind> client,
            boolean audited) {
        String clientType = client.map(LoginEvents::client).orElse(UNKNOWN_CLIENT);
        metrics.counter("bind.logins.refused", "Logins refused, by mode, client type and reason (the code the log "
                + "and the page give)", "mode", mode(), "client", clientType, "reason", refusal.reason().code()).inc();
        if (audited) {
            AuditEvent event = AuditEvent.of("login_refused", request).with("mode", mode())
                    .with("client_type", clientType).with("reason", refusal.reason().code());
            refusal.user().ifPresent(user -> event.user(user.subject(), user.username()));
            audit.record(event.result("refused"));
        }
    }

    private String mode() {
        return backendSettings.get().embedded() ? "embedded" : "external";
    }

    private static String client(LoginIntent.Kind kind) {
        return kind == LoginIntent.Kind.PAGE ? "browser" : kind.name().toLowerCase(Locale.ROOT);
    }
}
