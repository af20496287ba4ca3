package org.bindbackend.config;

import static org.bindbackend.config.SettingValues.quote;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the settings of the backend's own sessions ({@link SessionSettings}): the key replicas share, the
 * lifetime, the web UIs a login may return to, logout at the provider and clustering.
 */
final class SessionSettingsReader {

    private final SettingValues values;

    SessionSettingsReader(SettingValues values) {
        this.values = values;
    }

    SessionSettings read() {
        Optional<SessionKey> signingKey = keyText(Setting.SESSION_SIGNING_KEY, Setting.SESSION_SIGNING_KEY_FILE)
                .flatMap(text -> key(text, Setting.SESSION_SIGNING_KEY, Setting.SESSION_SIGNING_KEY_FILE));
        List<SessionKey> acceptedKeys = acceptedKeys(signingKey.isPresent());
        boolean clustered = values.flag(Setting.CLUSTER);
        boolean keyProblem = values.hasProblem(Setting.SESSION_SIGNING_KEY)
                || values.hasProblem(Setting.SESSION_SIGNING_KEY_FILE);
        if (clustered && signingKey.isEmpty() && !keyProblem) {
            values.problem(Setting.CLUSTER, "it is true but no session-signing-key is set, so no replica could read "
                    + "another's sessions",
                    "session-signing-key (or session-signing-key-file) shared by every replica");
        }
        return new SessionSettings(signingKey, acceptedKeys, tokenExpiry(), uiOrigins(),
                values.flag(Setting.OIDC_END_PROVIDER_SESSION), clustered, revocationsFile());
    }

    /**
     * {@code session-accepted-keys}: keys whose tokens are accepted though the backend no longer (or not yet) signs
     * with them, for a rotation (docs/operations.md). Without a key of its own to sign with, there is nothing to
     * rotate.
     */
    private List<SessionKey> acceptedKeys(boolean signingKeySet) {
        Optional<String> text = keyText(Setting.SESSION_ACCEPTED_KEYS, Setting.SESSION_ACCEPTED_KEYS_FILE);
        if (text.isEmpty() || text.get().isBlank()) {
            // An empty file is no key: a Secret mounted between rotations.
            return List.of();
        }
        if (!signingKeySet && !values.hasProblem(Setting.SESSION_SIGNING_KEY)
                && !values.hasProblem(Setting.SESSION_SIGNING_KEY_FILE)) {
            values.problem(Setting.SESSION_ACCEPTED_KEYS, "it is set but session-signing-key is not",
                    "session-signing-key set too: the accepted keys are besides the one the backend signs with");
        }
        List<SessionKey> keys = new ArrayList<>();
        for (String key : text.get().strip().split("[,\\s]+")) {
            key(key, Setting.SESSION_ACCEPTED_KEYS, Setting.SESSION_ACCEPTED_KEYS_FILE).ifPresent(keys::add);
        }
        return List.copyOf(keys);
    }

    /** The text of a key setting, given inline or in a file (one of the two). */
    private Optional<String> keyText(Setting inline, Setting file) {
        Optional<String> given = values.value(inline);
        Optional<String> path = values.value(file);
        if (given.isPresent() && path.isPresent()) {
            values.problem(file, "it is set together with " + inline.key(), "one of the two");
            return Optional.empty();
        }
        if (path.isEmpty()) {
            return given;
        }
        try {
            return Optional.of(Files.readString(Path.of(path.get())));
        } catch (IOException | RuntimeException e) {
            values.problem(file, quote(path.get()) + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    "a readable file holding " + inline.key());
            return Optional.empty();
        }
    }

    /** One key; never the value in a problem: it is a secret, or meant to be. */
    private Optional<SessionKey> key(String text, Setting inline, Setting file) {
        Optional<SessionKey> parsed = SessionKey.parse(text);
        if (parsed.isEmpty()) {
            values.problem(values.value(file).isPresent() ? file : inline,
                    "a key is not at least " + SessionKey.MIN_BYTES + " random bytes in hex or base64 (a typed "
                            + "passphrase is not a key)", "keys made with: " + SessionKey.HOW_TO_MAKE);
        }
        return parsed;
    }

    /** {@code revocations-file}: where ended sessions are kept across restarts; its folder must exist. */
    private Optional<Path> revocationsFile() {
        Optional<String> raw = values.value(Setting.REVOCATIONS_FILE);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Path file = Path.of(raw.get()).toAbsolutePath();
        if (file.getParent() == null || !Files.isDirectory(file.getParent()) || Files.isDirectory(file)) {
            values.problem(Setting.REVOCATIONS_FILE, quote(raw.get()) + " is not a file in an existing folder",
                    "a path the backend may create and write, on storage that outlives a restart");
        }
        return Optional.of(file);
    }

    private Set<URI> uiOrigins() {
        Set<URI> origins = new LinkedHashSet<>();
        for (String raw : values.list(Setting.UI_ALLOWED_ORIGINS)) {
            values.httpUrl(Setting.UI_ALLOWED_ORIGINS, raw, "origins such as https://ui.example.com").ifPresent(uri -> {
                if (!uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())) {
                    values.problem(Setting.UI_ALLOWED_ORIGINS, quote(raw) + " has a path",
                            "origins such as https://ui.example.com");
                } else {
                    origins.add(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()));
                }
            });
        }
        return Collections.unmodifiableSet(origins);
    }

    private Duration tokenExpiry() {
        String raw = values.valueOrDefault(Setting.TOKEN_EXPIRY);
        Optional<Duration> parsed = Durations.parse(raw).filter(d -> !d.isZero() && d.compareTo(SessionSettings.LONGEST_TOKEN_EXPIRY) <= 0);
        if (parsed.isEmpty()) {
            values.problem(Setting.TOKEN_EXPIRY, quote(raw) + " is not a duration between 1s and 24h",
                    "e.g. 1h, 30m or 1h30m");
            return Duration.ZERO;
        }
        return parsed.get();
    }
}
