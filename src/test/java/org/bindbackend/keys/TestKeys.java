package org.bindbackend.keys;

import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;

/** The backend's keys for unit tests, as the server wires them. */
public final class TestKeys {

    /** 48 random bytes, as {@code openssl rand -base64 48} makes them: a key replicas could share. */
    public static final String SHARED_KEY = "q8Xv0m2LrT9cW4nHj7Kp1sZ6bY3fA5eG8uD0iQ2wE4rT6yU9oP1aS3dF5gH7jK0l";

    private TestKeys() {
    }

    public static SigningKeys keys(Settings settings) {
        SigningKeys keys = new SigningKeys();
        keys.backendSettings = BackendSettings.of(settings);
        return keys;
    }
}
