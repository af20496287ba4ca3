package org.bindbackend.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.SessionSettings;
import org.bindbackend.keys.SigningKeys;
import org.bindbackend.logs.Logs;
import org.bindbackend.metrics.Metrics;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Sessions ended before they expired, refused from then on: by logout, by log out everywhere, by the provider's
 * back-channel logout. Checked on every request against this replica's memory ({@link RevocationIndex}: one hash
 * probe), never across the network. Each revocation is signed ({@code keys.SignedTexts}); with
 * {@code revocations-file} it is also written to that file and read back at the next start
 * ({@link RevocationJournal}); with {@code cluster} on it is shared through the server's distributed engine
 * ({@link RevocationSharing}), and every other replica checks the signature and adds it to its memory as it
 * arrives; a replica that starts later first learns every one still held.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logs.of(Revocations.class);
    /** The longest any revocation is kept: the longest a session can live, and the clock difference past it. */
    public static final Duration LONGEST_KEPT = SessionSettings.LONGEST_TOKEN_EXPIRY.plus(SessionSettings.CLOCK_SKEW);

    @Inject
    BackendSettings backendSettings;

    @Inject
    Clock clock;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Instance<RevocationSharing> sharings;

    @Inject
    Metrics metrics;

    private volatile RevocationStore store;

    /** At start, so that a replica learns of earlier logouts before it serves anyone. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (backendSettings.valid()) {
            store();
        }
    }

    /** Ends what {@code revocation} names, here at once and on every replica. */
    public void revoke(Revocation revocation) {
        store().revoke(revocation);
    }

    /**
     * Whether the session {@code sessionId} of {@code user} ({@code <issuer> <subject>}), logged in through
     * {@code providerSession} ({@code <issuer> <sid>}, or "") and issued at {@code issuedAtSecond}, is ended.
     */
    public boolean revokes(String user, String sessionId, String providerSession, long issuedAtSecond) {
        return store().index().revokes(user, sessionId, providerSession, issuedAtSecond);
    }

    /** Marks {@code key} as used, on every replica with {@code cluster}, for {@code keep}; false when it was already. */
    public boolean markOnce(String key, Duration keep) {
        return store().markOnce(key, keep);
    }

    /** How many revocations this replica holds. */
    public int held() {
        return store().index().size();
    }

    private RevocationStore store() {
        RevocationStore known = store;
        if (known == null) {
            synchronized (this) {
                if (store == null) {
                    store = open();
                }
                known = store;
            }
        }
        return known;
    }

    private RevocationStore open() {
        SessionSettings sessions = backendSettings.get().sessions();
        RevocationStore opened = new RevocationStore(new RevocationIndex(RevocationStore.CAPACITY, clock),
                signingKeys.texts("revocations"), sessions.revocationsFile().map(RevocationJournal::new), clock,
                RevocationStore.Counts.of(metrics));
        metrics.gauge("bind.revocations.held", "Sessions, provider sessions and users this replica holds as ended",
                MetricUnits.NONE, () -> opened.index().size());
        if (sessions.clustered()) {
            join().ifPresent(opened::share);
        } else if (sessions.revocationsFile().isEmpty() && sessions.signingKey().isPresent()) {
            LOG.warning("Ended sessions are kept in this replica's memory only: after a restart, sessions and CLI "
                    + "tokens logged out before it are accepted again until they expire. Set revocations-file (or "
                    + "cluster) to keep them.");
        }
        return opened;
    }

    private Optional<RevocationSharing> join() {
        if (!sharings.isResolvable()) {
            LOG.severe("cluster is true, but the server offers no distributed cache (JCache) to share logouts "
                    + "through: each replica refuses only the sessions ended on it");
            return Optional.empty();
        }
        try {
            RevocationSharing joined = sharings.get();
            LOG.info("Logouts are shared with the other replicas through the server's distributed cache.");
            return Optional.of(joined);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "cluster is true, but the server's distributed cache (JCache) cannot be used to "
                    + "share logouts: each replica refuses only the sessions ended on it (" + e + ")");
            return Optional.empty();
        }
    }
}
