package org.bindbackend.revocation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.config.BackendSettings;
import org.bindbackend.config.Settings;

/**
 * Sessions ended by logout before they expired, refused from then on. Checked on every request against this
 * replica's memory ({@link RevocationIndex}), never across the network. With {@code cluster} on, each logout is
 * also shared through the server's distributed engine ({@link RevocationSharing}: Payara's Hazelcast, or JCache
 * on Open Liberty), and the other replicas add it to their memory as it arrives; a replica that starts later
 * first learns every one still kept.
 */
@ApplicationScoped
public class Revocations {

    private static final Logger LOG = Logger.getLogger(Revocations.class.getName());

    @Inject
    BackendSettings backendSettings;

    @Inject
    Clock clock;

    @Inject
    Instance<RevocationSharing> sharings;

    private RevocationIndex index;
    private RevocationSharing sharing;

    /** At start, so that a replica learns of earlier logouts before it serves anyone. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (backendSettings.valid()) {
            index();
        }
    }

    /** Ends the session {@code sessionId} here and, with {@code cluster} on, on every replica. */
    public void revoke(String sessionId) {
        index().add(sessionId);
        RevocationSharing shared = sharing;
        if (shared != null) {
            try {
                shared.share(sessionId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A logout could not be shared with the other replicas, so they accept the "
                        + "session until it expires; this replica refuses it: " + e);
            }
        }
    }

    public boolean isRevoked(String sessionId) {
        return index().contains(sessionId);
    }

    private synchronized RevocationIndex index() {
        if (index == null) {
            Settings settings = backendSettings.get();
            Duration keep = settings.sessions().longestLife();
            RevocationIndex made = new RevocationIndex(keep, clock);
            if (settings.sessions().clustered()) {
                sharing = join(keep, made);
            }
            index = made;
        }
        return index;
    }

    private RevocationSharing join(Duration keep, RevocationIndex index) {
        if (!sharings.isResolvable()) {
            LOG.severe("cluster is true, but the server offers no distributed cache (JCache) to share logouts "
                    + "through: each replica refuses only the sessions ended on it");
            return null;
        }
        try {
            RevocationSharing joined = sharings.get();
            joined.join(keep, index::add);
            LOG.info("Logouts are shared with the other replicas through the server's distributed cache.");
            return joined;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.SEVERE, "cluster is true, but the server's distributed cache (JCache) cannot be used to "
                    + "share logouts: each replica refuses only the sessions ended on it (" + e + ")");
            return null;
        }
    }
}
