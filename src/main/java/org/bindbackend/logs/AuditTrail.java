package org.bindbackend.logs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.shared.JsonBuilders;
import org.bindbackend.text.UntrustedText;

/**
 * The audit trail a security team keeps: one JSON object per line (RFC 8259), for each login completed or refused,
 * logout, CLI or UI token issued, back-channel logout received and setting changed while running, written at INFO
 * on a logger of its own, {@value #LOGGER}, so that operators route it apart from the rest
 * (docs/operations.md). Each line has {@code time}, {@code event}, {@code request_id} (the one the request's other
 * log lines carry), {@code client_address} when a request brought it, and the fields of its event; every text is
 * defused as the log defuses it (control characters replaced, at most 200 characters).
 */
@ApplicationScoped
public class AuditTrail {

    public static final String LOGGER = "org.bindbackend.audit";
    private static final Logger AUDIT = Logger.getLogger(LOGGER);

    @Inject
    Clock clock;

    public void record(AuditEvent event) {
        if (!AUDIT.isLoggable(Level.INFO)) {
            return;
        }
        JsonObjectBuilder line = JsonBuilders.object()
                .add("time", clock.instant().toString())
                .add("event", event.type());
        RequestIds.current().ifPresent(id -> line.add("request_id", id));
        if (event.clientAddress() != null) {
            line.add("client_address", UntrustedText.defused(event.clientAddress()));
        }
        event.fields().forEach((name, value) -> {
            if (value instanceof Number number) {
                line.add(name, number.longValue());
            } else if (value instanceof Boolean flag) {
                line.add(name, flag);
            } else {
                line.add(name, UntrustedText.defused(String.valueOf(value)));
            }
        });
        AUDIT.log(Level.INFO, line.build().toString());
    }
}
