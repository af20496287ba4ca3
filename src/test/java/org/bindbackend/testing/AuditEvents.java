package org.bindbackend.testing;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit trail as a log collector reads it from a server's log: each event a JSON object on a line of its own,
 * wherever the server's format puts the message in the line (Payara's text format, Liberty's console).
 */
public final class AuditEvents {

    private static final Pattern EVENT = Pattern.compile(
            "\\{\"time\":\"[^\\n]*?\"event\":\"[^\\n]*?}(?=\\s*$|\\s*\\n|\")", Pattern.MULTILINE);

    private AuditEvents() {
    }

    /** The events of type {@code event} in {@code log}, parsed, in order. */
    public static List<JsonObject> in(String log, String event) {
        Matcher line = EVENT.matcher(log);
        List<JsonObject> events = new ArrayList<>();
        while (line.find()) {
            JsonObject parsed = Json.object(line.group());
            if (parsed.getString("event").equals(event)) {
                events.add(parsed);
            }
        }
        return events;
    }

    /** Waits up to 10 s for an event of type {@code event} whose {@code field} is {@code value} in the server's log. */
    public static JsonObject await(BackendServer server, String event, String field, String value)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            for (JsonObject parsed : in(server.log(), event)) {
                if (value.equals(parsed.getString(field, null))) {
                    return parsed;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no audit event " + event + " with " + field + "=" + value + " in:\n" + server.log());
    }
}
