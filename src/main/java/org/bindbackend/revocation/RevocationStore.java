package org.bindbackend.revocation;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.keys.SignedTexts;
import org.bindbackend.logs.Logs;
import org.bindbackend.logs.RepeatedWarnings;
import org.bindbackend.metrics.Metrics;

/**
 * The revocations of this replica and where they go besides its memory: signed, to the revocations file and to
 * the other replicas; and what comes back from there, taken only when this deployment's key signed it.
 */
final class RevocationStore {

    private static final Logger LOG = Logs.of(RevocationStore.class);
    /** The most revocations a replica holds: a day of logouts at ten a second, about 250 MiB at the very most. */
    static final int CAPACITY = 1_000_000;
    /** The longest signed text taken from the grid or the file: a revocation is a few hundred bytes. */
    static final int MAX_SIGNED_LENGTH = 4096;

    private final RevocationIndex index;
    private final SignedTexts texts;
    private final Optional<RevocationJournal> journal;
    private final OnceMarks localMarks;
    private final RepeatedWarnings warnings;
    private final Counts counts;
    private volatile RevocationSharing sharing;

    /** What the store counts for operators: logouts heard from the grid, shares that failed, forgeries refused. */
    record Counts(Metrics.Count heard, Metrics.Count shareFailed, Metrics.Count forged) {

        static Counts of(Metrics metrics) {
            return new Counts(metrics.logouts("shared"),
                    metrics.counter("bind.grid.shares.failed", "Revocations that could not be shared with the other "
                            + "replicas, which accept those sessions until they expire"),
                    metrics.counter("bind.grid.revocations.refused", "Revocations taken from the grid or the file "
                            + "that this deployment's key did not sign"));
        }
    }

    RevocationStore(RevocationIndex index, SignedTexts texts, Optional<RevocationJournal> journal, Clock clock,
            Counts counts) {
        this.index = index;
        this.texts = texts;
        this.journal = journal;
        this.localMarks = new OnceMarks(clock);
        this.warnings = new RepeatedWarnings(LOG, clock);
        this.counts = counts;
        journal.ifPresent(file -> file.replay(line -> take(null, line, "the revocations file")));
    }

    RevocationIndex index() {
        return index;
    }

    /** Shares from now on through {@code grid}, after learning what it holds. */
    void share(RevocationSharing grid) {
        grid.join(Revocations.LONGEST_KEPT, (key, signed) -> take(key, signed, "the data grid"));
        sharing = grid;
    }

    void revoke(Revocation revocation) {
        RevocationIndex.Added added = index.add(revocation);
        if (added == RevocationIndex.Added.KNOWN || added == RevocationIndex.Added.EXPIRED) {
            return;
        }
        noteShedding(added);
        String signed = texts.sign(revocation.toText());
        journal.ifPresent(file -> {
            file.append(signed);
            if (file.worthCompacting(index.size())) {
                file.rewrite(index.live().stream().map(live -> texts.sign(live.toText())).toList());
            }
        });
        RevocationSharing grid = sharing;
        if (grid != null) {
            try {
                grid.share(revocation.key(), signed);
            } catch (RuntimeException e) {
                counts.shareFailed().inc();
                LOG.log(Level.WARNING, "A logout could not be shared with the other replicas, so they accept the "
                        + "session until it expires; this replica refuses it: " + e);
            }
        }
    }

    boolean markOnce(String key, Duration keep) {
        RevocationSharing grid = sharing;
        if (grid != null) {
            try {
                return grid.markOnce(key, keep);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The data grid could not mark a logout token as used; this replica does: " + e);
            }
        }
        return localMarks.markOnce(key, keep);
    }

    /**
     * A revocation from the grid ({@code key} the name it was shared under) or the file ({@code key} null): taken
     * when a key of this deployment signed it and its name is its own; anything else is refused, and said.
     */
    private void take(String key, String signed, String from) {
        Optional<Revocation> revocation = signed == null || signed.length() > MAX_SIGNED_LENGTH ? Optional.empty()
                : texts.open(signed).flatMap(Revocation::fromText);
        if (revocation.isEmpty() || key != null && !key.equals(revocation.get().key())) {
            counts.forged().inc();
            warnings.warn("unsigned " + from, () -> "Ignored a revocation from " + from + " that this deployment's "
                    + "session-signing-key did not sign (another deployment's, or written by someone who reaches "
                    + from + " without the key)");
            return;
        }
        RevocationIndex.Added added = index.add(revocation.get());
        if (key != null && (added == RevocationIndex.Added.NEW || added == RevocationIndex.Added.NEW_SHEDDING)) {
            counts.heard().inc();
        }
        noteShedding(added);
    }

    private void noteShedding(RevocationIndex.Added added) {
        if (added == RevocationIndex.Added.NEW_SHEDDING) {
            warnings.warn("full", () -> "This replica holds " + CAPACITY + " revocations, the most it keeps: the one "
                    + "that would have been forgotten first made room for a new one");
        }
    }
}
