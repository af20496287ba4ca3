package org.bindbackend.boot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Setting;
import org.bindbackend.config.SettingChange;

/**
 * The log levels {@code v} asks for: from {@link #OIDC_DEBUG_VERBOSITY} up, the backend's and the server's OpenID
 * Connect client's loggers log at FINE (each OIDC step); below it, they are left as the server's logging
 * configuration sets them. Applied at start and again at each change of {@code v} while running, in both
 * directions: lowering {@code v} gives each logger back the level it had before, unless the server's logging
 * configuration changed it in between.
 */
@ApplicationScoped
public class LogVerbosity {

    /** Kept referenced: java.util.logging holds loggers weakly, and a collected logger forgets its level. */
    private static final List<Logger> OIDC_LOGGERS = List.of(
            Logger.getLogger("org.bindbackend"), Logger.getLogger("org.glassfish.soteria"));
    /** {@code --v=2} and above: each OIDC step (redirect, callback, token request, validation, session). */
    static final int OIDC_DEBUG_VERBOSITY = 2;

    @Inject
    BackendSettings backendSettings;

    /** The level each logger had before it was raised; empty while not raised. */
    private final Map<Logger, Level> before = new HashMap<>();

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        apply();
    }

    void onChange(@Observes SettingChange change) {
        if (change.setting() == Setting.VERBOSITY) {
            apply();
        }
    }

    private synchronized void apply() {
        boolean debug = backendSettings.current().map(s -> s.verbosity() >= OIDC_DEBUG_VERBOSITY).orElse(false);
        if (debug && before.isEmpty()) {
            OIDC_LOGGERS.forEach(logger -> {
                before.put(logger, logger.getLevel());
                logger.setLevel(Level.FINE);
            });
        } else if (!debug && !before.isEmpty()) {
            // A level the server's logging configuration changed meanwhile is the server's (Open Liberty applies its
            // trace specification to these loggers): only FINE, as set here, is taken back.
            before.forEach((logger, level) -> {
                if (Level.FINE.equals(logger.getLevel())) {
                    logger.setLevel(level);
                }
            });
            before.clear();
        }
    }
}
