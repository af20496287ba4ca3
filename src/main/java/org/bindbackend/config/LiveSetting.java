package org.bindbackend.config;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bindbackend.text.UntrustedText;

/**
 * The settings that take effect while the backend runs, within {@link SettingsReload#INTERVAL} of a change in their
 * source plus the server's own delay (docs/configuration.md, "Changing settings while the backend runs"). Each is
 * read from the settings in memory wherever it is used, on every request that needs it, and nothing copies it at
 * start. Every other setting needs a restart: it shapes state made once (keys, the server's OpenID Connect client,
 * the provider's HTTP client, the revocations file) or decides what a session or login already in flight means.
 */
enum LiveSetting {
    /** Checked at each login and at each API request ({@code AccessPolicy}). */
    ALLOWED_USERS(Setting.OIDC_ALLOWED_USERS, "allowedUsers"),
    /** As {@link #ALLOWED_USERS}. */
    ALLOWED_GROUPS(Setting.OIDC_ALLOWED_GROUPS, "allowedGroups"),
    /** Checked when a {@code client_type=ui} login begins at {@code /api/authorize}. */
    UI_ALLOWED_ORIGINS(Setting.UI_ALLOWED_ORIGINS, "sessions", "uiOrigins"),
    /** Read at each logout. */
    END_PROVIDER_SESSION(Setting.OIDC_END_PROVIDER_SESSION, "sessions", "endProviderSession"),
    /** Shown in {@code /api/exports}, nowhere else. */
    PROVIDER_PRETTY_NAME(Setting.PROVIDER_PRETTY_NAME, "providerPrettyName"),
    /** The log levels follow it ({@code LogVerbosity}). */
    VERBOSITY(Setting.VERBOSITY, "verbosity"),
    /**
     * Read at each login, and at each request, where a session issued for longer than it allows now is refused; a
     * logout is kept by its session's own expiry, never by this setting, so changing it revives none.
     */
    TOKEN_EXPIRY(Setting.TOKEN_EXPIRY, "sessions", "tokenExpiry");

    private final Setting setting;
    private final RecordComponent[] path;

    /** {@code path}: the components of {@link Settings} (and of records within it) that hold the setting's value. */
    LiveSetting(Setting setting, String... path) {
        this.setting = setting;
        this.path = new RecordComponent[path.length];
        Class<?> type = Settings.class;
        for (int i = 0; i < path.length; i++) {
            String name = path[i];
            this.path[i] = Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no component " + name));
            type = this.path[i].getType();
        }
    }

    static Optional<LiveSetting> of(Setting setting) {
        return Arrays.stream(values()).filter(live -> live.setting == setting).findFirst();
    }

    Setting setting() {
        return setting;
    }

    /** The setting's value in {@code settings}. */
    Object valueIn(Settings settings) {
        Object value = settings;
        for (RecordComponent component : path) {
            value = RecordCopy.get(value, component);
        }
        return value;
    }

    /** {@code settings} with this setting's value taken from {@code from}; all else as it was. */
    Settings copy(Settings from, Settings settings) {
        return (Settings) with(settings, 0, valueIn(from));
    }

    private Object with(Object record, int depth, Object value) {
        RecordComponent component = path[depth];
        Object replaced = depth == path.length - 1 ? value : with(RecordCopy.get(record, component), depth + 1, value);
        return RecordCopy.with(record, component, replaced);
    }

    /** A value as a log line shows it: lists as {@code ["a", "b"]}, each entry defused as untrusted text is. */
    static String display(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(entry -> UntrustedText.forLog(entry.toString()))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return value instanceof String text ? UntrustedText.forLog(text) : String.valueOf(value);
    }
}
