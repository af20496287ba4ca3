package org.bindbackend.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bindbackend.config.SettingChange;
import org.bindbackend.logs.AuditEvent;
import org.bindbackend.logs.AuditTrail;

/**
 * Each setting an operator changed while the backend runs, taken into use, is an event of the audit trail
 * ({@code setting_changed}: the setting's key, its old and new value as the log shows them; no live setting is a
 * secret).
 */
@ApplicationScoped
public class SettingChangesAudited {

    @Inject
    AuditTrail audit;

    void on(@Observes SettingChange change) {
        audit.record(AuditEvent.of("setting_changed", null).with("setting", change.setting().key())
                .with("old", change.before()).with("new", change.after()).result("success"));
    }
}
