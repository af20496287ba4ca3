package org.bindbackend.config;

import static org.bindbackend.config.SettingValues.quote;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the settings of the backend's own sessions ({@link SessionSettings}): the key replicas share, the
 * lifetime, the web UIs a login may return to, logout at the provider and clustering.
 */
final class SessionSettingsReader {

    static final Duration MAX_TOKEN_EXPIRY = Duration.ofDays(1);

    private final SettingValues values;

    SessionSettingsReader(SettingValues values) {
        this.values = values;
    }

    SessionSettings read() {
        Optional<SessionKey> signingKey = signingKey();
        boolean clustered = values.flag(Setting.CLUSTER);
        boolean keyProblem = values.hasProblem(Setting.SESSION_SIGNING_KEY)
                || values.hasProblem(Setting.SESSION_SIGNING_KEY_FILE);
        if (clustered && signingKey.isEmpty() && !keyProblem) {
            values.problem(Setting.CLUSTER, "it is true but no session-signing-key is set, so no replica could read "
                    + "another's sessions",
                    "session-signing-key (or session-signing-key-file) shared by every replica");
        }
        return new SessionSettings(signingKey, tokenExpiry(), uiOrigins(),
                values.flag(Setting.OIDC_END_PROVIDER_SESSION), clustered);
    }

    private Optional<SessionKey> signingKey() {
        Optional<String> inline = values.value(Setting.SESSION_SIGNING_KEY);
        Optional<String> file = values.value(Setting.SESSION_SIGNING_KEY_FILE);
        if (inline.isPresent() && file.isPresent()) {
            values.problem(Setting.SESSION_SIGNING_KEY_FILE, "it is set together with session-signing-key",
                    "one of the two");
            return Optional.empty();
        }
        Optional<String> key = inline;
        if (file.isPresent()) {
            try {
                key = Optional.of(Files.readString(Path.of(file.get())));
            } catch (IOException | RuntimeException e) {
                values.problem(Setting.SESSION_SIGNING_KEY_FILE, quote(file.get()) + " cannot be read ("
                        + e.getClass().getSimpleName() + ")", "a readable file holding the key shared by all replicas");
                return Optional.empty();
            }
        }
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<SessionKey> parsed = SessionKey.parse(key.get());
        if (parsed.isEmpty()) {
            // Never the value: it is a secret, or meant to be.
            values.problem(file.isPresent() ? Setting.SESSION_SIGNING_KEY_FILE : Setting.SESSION_SIGNING_KEY,
                    "the key is not at least " + SessionKey.MIN_BYTES + " random bytes in hex or base64 (a typed "
                            + "passphrase is not a key)", "a key made with: " + SessionKey.HOW_TO_MAKE);
        }
        return parsed;
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
        Optional<Duration> parsed = Durations.parse(raw).filter(d -> !d.isZero() && d.compareTo(MAX_TOKEN_EXPIRY) <= 0);
        if (parsed.isEmpty()) {
            values.problem(Setting.TOKEN_EXPIRY, quote(raw) + " is not a duration between 1s and 24h",
                    "e.g. 1h, 30m or 1h30m");
            return Duration.ZERO;
        }
        return parsed.get();
    }
}
