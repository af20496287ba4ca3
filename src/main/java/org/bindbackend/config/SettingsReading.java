package org.bindbackend.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bindbackend.shared.Sha256;

/**
 * One reading of the settings from their source: what {@link SettingsReader} made of them, and, for each setting,
 * what its source said, so that a later reading can tell which settings an operator changed since. A setting's
 * source is the raw value of its key (and of the key that overrides it), and for a setting that names a file
 * ({@code session-signing-key-file}, {@code oidc.ca-file}) also the file's content, as a rotated key or CA bundle
 * is a change too. The sources are compared, never logged: they hold secrets.
 *
 * @param result  the settings as read and checked
 * @param sources what each setting's source said, comparable with {@link String#equals}
 */
record SettingsReading(SettingsResult result, Map<Setting, String> sources) {

    /** Reads every setting from {@code source} (MicroProfile Config, or a map in tests). */
    static SettingsReading of(Function<String, Optional<String>> source) {
        // The reader's own lookups are remembered, so that what it read and what is compared are the same values
        // even when the source changes in between.
        Map<String, Optional<String>> seen = new HashMap<>();
        Function<String, Optional<String>> remembered = key -> seen.computeIfAbsent(key, source);
        SettingsResult result = SettingsReader.read(remembered);
        Map<Setting, String> sources = new EnumMap<>(Setting.class);
        for (Setting setting : Setting.values()) {
            sources.put(setting, sourceOf(setting, remembered));
        }
        return new SettingsReading(result, Collections.unmodifiableMap(sources));
    }

    private static String sourceOf(Setting setting, Function<String, Optional<String>> source) {
        StringBuilder said = new StringBuilder();
        setting.overridingKey().ifPresent(key -> said.append(normalized(source.apply(key))).append('\u0000'));
        Optional<String> value = normalized(source.apply(setting.key()));
        said.append(value);
        if (setting == Setting.SESSION_SIGNING_KEY_FILE || setting == Setting.OIDC_CA_FILE) {
            value.ifPresent(file -> said.append('\u0000').append(contentDigest(file)));
        }
        return said.toString();
    }

    /** As {@link SettingValues} reads a value: trimmed, and blank counts as not set. */
    private static Optional<String> normalized(Optional<String> raw) {
        return raw.map(String::trim).filter(text -> !text.isEmpty());
    }

    private static String contentDigest(String file) {
        try {
            return Sha256.base64Url(Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException unreadable) {
            return "unreadable: " + unreadable.getClass().getSimpleName();
        }
    }
}
