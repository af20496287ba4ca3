package org.bindbackend.session;

import java.time.Clock;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.keys.TestKeys;
import org.bindbackend.metrics.Metrics;
import org.bindbackend.revocation.TestRevocations;

/** Sessions for unit tests, as the server wires them, reading the time from the clock a test gives. */
public final class TestSessions {

    private TestSessions() {
    }

    public static SessionTokens tokens(Settings settings, Clock clock) {
        SessionTokens tokens = new SessionTokens();
        tokens.backendSettings = BackendSettings.of(settings);
        tokens.signingKeys = TestKeys.keys(settings);
        tokens.clock = clock;
        tokens.init();
        return tokens;
    }

    public static Sessions sessions(Settings settings, Clock clock) {
        Sessions sessions = new Sessions();
        sessions.backendSettings = BackendSettings.of(settings);
        sessions.sessionTokens = tokens(settings, clock);
        sessions.revocations = TestRevocations.revocations(settings, clock);
        sessions.clock = clock;
        sessions.metrics = Metrics.unregistered();
        return sessions;
    }
}
