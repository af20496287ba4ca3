package org.bindbackend.revocation;

import java.time.Clock;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.keys.TestKeys;

/** Revocations for unit tests, on one replica, reading the time from {@code clock}. */
public final class TestRevocations {

    private TestRevocations() {
    }

    public static Revocations revocations(Settings settings, Clock clock) {
        Revocations revocations = new Revocations();
        revocations.backendSettings = BackendSettings.of(settings);
        revocations.clock = clock;
        revocations.signingKeys = TestKeys.keys(settings);
        return revocations;
    }
}
