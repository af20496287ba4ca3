package org.bindbackend.logs;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event of the audit trail ({@link AuditTrail}), as the code that saw it describes it: its type (a fixed name
 * such as {@code login.completed}), the request it came with (for the client's address, as the server's proxy
 * settings give it), who it concerns and how it ended, and the fields its type adds. Never a token, a code, a
 * secret or a claim set; text from a request or the provider is defused when the event is written.
 */
public final class AuditEvent {

    private final String type;
    private final String clientAddress;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private AuditEvent(String type, String clientAddress) {
        this.type = type;
        this.clientAddress = clientAddress;
    }

    /** An event of {@code type} that {@code request} brought (null: none, such as a setting changed). */
    public static AuditEvent of(String type, HttpServletRequest request) {
        return new AuditEvent(type, request == null ? null : request.getRemoteAddr());
    }

    /** The user it concerns: the provider's subject and the user name. */
    public AuditEvent user(String subject, String username) {
        return with("subject", subject).with("user", username);
    }

    /** How it ended: {@code success}, {@code refused}, ... */
    public AuditEvent result(String result) {
        return with("result", result);
    }

    /** A field of its type; null values are left out. */
    public AuditEvent with(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    String type() {
        return type;
    }

    String clientAddress() {
        return clientAddress;
    }

    Map<String, Object> fields() {
        return fields;
    }
}
