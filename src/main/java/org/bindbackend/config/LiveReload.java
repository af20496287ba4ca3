package org.bindbackend.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;

/**
 * Decides, for each new reading of the settings while the backend runs, what changes: only settings whose source
 * changed since the last reading are looked at, so that each change is said once, not at every reading.
 * <ul>
 * <li>a {@link LiveSetting} with a valid new value is taken into use, and said as one line with both values
 * ({@link SettingChange});</li>
 * <li>a {@link LiveSetting} with an invalid new value is refused: the value in use stays, and one line names the
 * setting, the problem and what is kept (the backend stays ready);</li>
 * <li>any other setting keeps the value it started with, and one line says that a restart is needed for the new
 * one, and whether that one is valid. Its values are not shown, as some are secrets (a problem with a value that
 * is not a secret may quote it, as at start).</li>
 * </ul>
 * Not thread-safe: one reading after the other ({@link SettingsReload}).
 */
final class LiveReload {

    /** A line to log. */
    record Line(Level level, String message) {
    }

    /**
     * @param settings the settings to use from now on ({@code current} when nothing live changed)
     * @param changes  each value taken into use
     * @param lines    what to log
     */
    record Outcome(Settings settings, List<SettingChange> changes, List<Line> lines) {
    }

    private final Map<Setting, String> started;
    private final Map<Setting, String> lastSeen;
    private final Set<Setting> refused = EnumSet.noneOf(Setting.class);

    /** @param started what each setting's source said when the backend started */
    LiveReload(Map<Setting, String> started) {
        this.started = Map.copyOf(started);
        this.lastSeen = new EnumMap<>(started);
    }

    Outcome next(Settings current, SettingsReading reading, Instant now) {
        Settings next = current;
        List<SettingChange> changes = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            String source = reading.sources().get(setting);
            if (Objects.equals(source, lastSeen.get(setting))) {
                continue;
            }
            lastSeen.put(setting, source);
            List<SettingProblem> problems = reading.result().problemsWith(setting);
            Optional<LiveSetting> live = LiveSetting.of(setting);
            if (live.isEmpty()) {
                lines.add(restartOnly(setting, source, problems));
            } else if (!problems.isEmpty()) {
                refused.add(setting);
                lines.add(new Line(Level.WARNING, "Refused the new value of setting " + setting.describe() + ": "
                        + problems.get(0).problem() + "; expected " + problems.get(0).expected() + ". It keeps "
                        + LiveSetting.display(live.get().valueIn(next)) + " until a valid value is set."));
            } else {
                Object before = live.get().valueIn(next);
                Object after = live.get().valueIn(reading.result().candidate());
                if (!before.equals(after)) {
                    next = live.get().copy(reading.result().candidate(), next);
                    SettingChange change = new SettingChange(setting, LiveSetting.display(before),
                            LiveSetting.display(after), now);
                    changes.add(change);
                    lines.add(new Line(Level.INFO, change.message()));
                } else if (refused.contains(setting)) {
                    lines.add(new Line(Level.INFO, "Setting " + setting.describe() + " is valid again, and is the "
                            + "value in use: " + LiveSetting.display(after) + "."));
                }
                refused.remove(setting);
            }
        }
        return new Outcome(next, changes, lines);
    }

    private Line restartOnly(Setting setting, String source, List<SettingProblem> problems) {
        if (source.equals(started.get(setting))) {
            return new Line(Level.INFO, "Setting " + setting.describe() + " is back to the value this server "
                    + "started with: no restart is needed for it.");
        }
        String line = "Setting " + setting.describe() + " changed in its source, but takes effect only when the "
                + "backend restarts; until then this server keeps the value it started with.";
        if (!problems.isEmpty()) {
            line += " The new value is invalid, so a restart would leave the backend not configured: "
                    + problems.get(0).problem() + "; expected " + problems.get(0).expected() + ".";
        }
        return new Line(Level.WARNING, line);
    }
}
