package org.bindbackend.config;

import java.time.Instant;

/**
 * A setting an operator changed while the backend runs, taken into use: a CDI event, fired once per change after the
 * settings in memory hold the new value ({@link BackendSettings#get()} returns it). Observe it to act on a change
 * ({@code void on(@Observes SettingChange change)}), as the log levels do, or to record it, as an audit trail would.
 * The values are as the log line shows them; a secret is never among them, as only the settings of
 * {@link LiveSetting} change while running, none of them secret.
 *
 * @param setting which setting
 * @param before  the value used until now, as shown in the log
 * @param after   the value used from now on, as shown in the log
 * @param at      when it was taken into use
 */
public record SettingChange(Setting setting, String before, String after, Instant at) {

    /** The one log line that says it. */
    public String message() {
        return "Setting " + setting.describe() + " changed from " + before + " to " + after + "; in use from now on.";
    }
}
