package org.bindbackend.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The settings of this deployment, read from MicroProfile Config and validated when the application starts, then
 * held in memory as one immutable {@link Settings} that every request reads ({@link #get()}), never the config
 * source. Invalid settings at start leave the backend serving nothing but health; each problem is logged as one
 * line. While the backend runs, {@link SettingsReload} reads the source again in the background and replaces the
 * settings held here when an operator changed one that may change live ({@link LiveSetting}).
 */
@ApplicationScoped
public class BackendSettings {

    private static final Logger LOG = Logs.of(BackendSettings.class);

    /** Replaced whole, never changed: a request sees one reading or the next, never a mix. */
    private volatile SettingsResult result;
    private Config config;
    private SettingsReading started;

    /** Settings given rather than read, for code run outside a server (unit tests, benchmarks). */
    public static BackendSettings of(Settings settings) {
        BackendSettings fixed = new BackendSettings();
        fixed.result = SettingsResult.valid(settings);
        return fixed;
    }

    /** Reads and validates the settings at the first use (see {@code StartupReport}); after that, memory only. */
    SettingsResult load() {
        SettingsResult loaded = result;
        return loaded != null ? loaded : loadOnce();
    }

    private synchronized SettingsResult loadOnce() {
        if (result == null) {
            config = ConfigProvider.getConfig();
            started = read();
            started.result().problems().forEach(problem -> LOG.severe(problem.message()));
            result = started.result();
        }
        return result;
    }

    /** A new reading of the source, for {@link SettingsReload}; the settings in use stay as they are. */
    SettingsReading read() {
        return SettingsReading.of(key -> config.getOptionalValue(key, String.class));
    }

    /** What the source said at start: empty for settings given rather than read. */
    Optional<SettingsReading> started() {
        load();
        return Optional.ofNullable(started);
    }

    /** Puts {@code settings} in use for every request from now on. */
    void replace(Settings settings) {
        result = SettingsResult.valid(settings);
    }

    public boolean valid() {
        return load().settings().isPresent();
    }

    /** The valid settings, or empty when the configuration is invalid. */
    public Optional<Settings> current() {
        return load().settings();
    }

    /** The valid settings; callers behind the configuration gate can rely on them. */
    public Settings get() {
        return current().orElseThrow(NotConfiguredException::new);
    }

    public List<SettingProblem> problems() {
        return load().problems();
    }
}
