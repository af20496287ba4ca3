package org.bindbackend.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bindbackend.logs.Logs;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A MicroProfile Config source of the WAR's own: a directory with one file per setting, the file named by the
 * setting's key and holding its value, read anew at every lookup. It is how a Kubernetes ConfigMap mounted as a
 * volume gives settings, and unlike the servers' own directory sources it follows the kubelet's updates on every
 * server: the kubelet never rewrites a key's file, it points the hidden link {@code ..data} at a new directory, which
 * Payara's directory source (it watches the visible entries only) does not notice. So the settings that may change
 * while the backend runs ({@link LiveSetting}) change here too, within {@link SettingsReload#INTERVAL}.
 *
 * <p>The directory is named by the system property {@value #PROPERTY} or the environment variable {@value #VARIABLE}
 * (not a setting: it says where settings are); without either, this source is empty. Ordinal {@value #ORDINAL}:
 * above the servers' configuration (Payara's domain and directory sources, Liberty's {@code defaultValue}s), below
 * environment variables and system properties, so that a value given on the process still wins.
 */
public class SettingsDirectory implements ConfigSource {

    private static final Logger LOG = Logs.of(SettingsDirectory.class);
    public static final String PROPERTY = "bind.settings-dir";
    public static final String VARIABLE = "BIND_SETTINGS_DIR";
    static final int ORDINAL = 250;
    /** More than any setting needs; a larger file is not a setting's value. */
    static final long MAX_BYTES = 64 * 1024;

    private final Optional<Path> directory;

    /** As MicroProfile Config makes it ({@code META-INF/services}), from the process's property or variable. */
    public SettingsDirectory() {
        this(Optional.ofNullable(System.getProperty(PROPERTY)).or(() -> Optional.ofNullable(System.getenv(VARIABLE)))
                .filter(name -> !name.isBlank()).map(Path::of));
        directory.ifPresent(dir -> LOG.info("Settings are also read from the files in " + dir + ", again at each "
                + "background reading of the settings."));
    }

    SettingsDirectory(Optional<Path> directory) {
        this.directory = directory;
    }

    @Override
    public String getValue(String key) {
        if (directory.isEmpty() || key.isEmpty() || key.startsWith(".") || key.contains("/") || key.contains("\\")) {
            return null;
        }
        Path file = directory.get().resolve(key);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return null;
            }
            // A ConfigMap value written as a YAML block ends with a line break: not part of the setting.
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        if (directory.isEmpty()) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(directory.get())) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .filter(name -> getValue(name) != null).collect(Collectors.toUnmodifiableSet());
        } catch (IOException | RuntimeException unreadable) {
            return Set.of();
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new TreeMap<>();
        for (String name : getPropertyNames()) {
            String value = getValue(name);
            if (value != null) {
                properties.put(name, value);
            }
        }
        return properties;
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }

    @Override
    public String getName() {
        return "bind-backend settings directory " + directory.map(Path::toString).orElse("(none)");
    }
}
