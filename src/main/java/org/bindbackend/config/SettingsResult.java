package org.bindbackend.config;

import java.util.List;
import java.util.Optional;

/** Either valid settings or the list of what is wrong with them. */
public record SettingsResult(Optional<Settings> settings, List<SettingProblem> problems) {

    static SettingsResult valid(Settings settings) {
        return new SettingsResult(Optional.of(settings), List.of());
    }

    static SettingsResult invalid(List<SettingProblem> problems) {
        return new SettingsResult(Optional.empty(), List.copyOf(problems));
    }
}
