package org.bindbackend.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;
import org.bindbackend.keys.SignedTexts;
import org.bindbackend.keys.TestKeys;
import org.bindbackend.metrics.Metrics;

/** Revocations for unit tests, on one replica, reading the time from {@code clock}. */
public final class TestRevocations {

    private TestRevocations() {
    }

    public static Revocations revocations(Settings settings, Clock clock) {
        Revocations revocations = new Revocations();
        revocations.backendSettings = BackendSettings.of(settings);
        revocations.clock = clock;
        revocations.signingKeys = TestKeys.keys(settings);
        revocations.metrics = Metrics.unregistered();
        return revocations;
    }

    /**
     * The lines of a revocations file ({@code revocations-file}) as the backend with {@code settings}' key writes
     * them: {@code sessions} ended sessions, each of a user of its own, and {@code users} users logged out
     * everywhere, all kept for an hour from {@code now}, and besides them ten ended sessions of {@code user}; for the
     * benchmarks, which start a server that holds them.
     */
    public static List<String> journal(Settings settings, String issuer, int sessions, int users, String user,
            Instant now) {
        SignedTexts texts = TestKeys.keys(settings).texts("revocations");
        Instant until = now.plus(Duration.ofHours(1));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            lines.add(texts.sign(Revocation.session(issuer + " ended-user-" + i, "ended-session-" + i, until).toText()));
        }
        for (int i = 0; i < users; i++) {
            lines.add(texts.sign(Revocation.user(issuer + " everywhere-user-" + i, now, until).toText()));
        }
        for (int i = 0; i < 10; i++) {
            lines.add(texts.sign(Revocation.session(issuer + " " + user, "other-session-" + i, until).toText()));
        }
        return lines;
    }
}
