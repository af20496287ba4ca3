package org.bindbackend.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The settings of this deployment, read from MicroProfile Config and validated once, when the application starts.
 * Invalid settings leave the backend serving nothing but health; each problem is logged as one line.
 */
@ApplicationScoped
public class BackendSettings {

    private static final Logger LOG = Logs.of(BackendSettings.class);

    private SettingsResult result;

    /** Settings given rather than read, for code run outside a server (unit tests, benchmarks). */
    public static BackendSettings of(Settings settings) {
        BackendSettings fixed = new BackendSettings();
        fixed.result = SettingsResult.valid(settings);
        return fixed;
    }

    /** Reads and validates the settings; called once at start (see {@code StartupReport}). */
    synchronized SettingsResult load() {
        if (result == null) {
            Config config = ConfigProvider.getConfig();
            result = SettingsReader.read(key -> config.getOptionalValue(key, String.class));
            result.problems().forEach(problem -> LOG.severe(problem.message()));
        }
        return result;
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
