package org.bindbackend.config;

import java.util.List;
import java.util.Optional;

/**
 * Either valid settings or the list of what is wrong with them.
 *
 * @param settings  the settings, when none is invalid
 * @param problems  every invalid setting, each once or more
 * @param candidate everything as read, invalid settings included (with a stand-in value): for a re-read while the
 *                  backend runs ({@link LiveReload}), which takes only settings without a problem from it
 */
public record SettingsResult(Optional<Settings> settings, List<SettingProblem> problems, Settings candidate) {

    static SettingsResult valid(Settings settings) {
        return new SettingsResult(Optional.of(settings), List.of(), settings);
    }

    static SettingsResult of(Settings read, List<SettingProblem> problems) {
        return problems.isEmpty() ? valid(read) : new SettingsResult(Optional.empty(), List.copyOf(problems), read);
    }

    /** The problems found with {@code setting}'s value. */
    List<SettingProblem> problemsWith(Setting setting) {
        return problems.stream().filter(problem -> problem.setting() == setting).toList();
    }
}
