package org.bindbackend.revocation;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bindbackend.logs.Logs;

/**
 * Revocations kept in a file ({@code revocations-file}), so that a replica restarted finds the logouts it made:
 * one signed revocation per line, appended as each is made, read back at start (a line that is not one this
 * backend signed with a key it holds, or that is past due, is skipped), and rewritten with the live ones only when
 * the file has grown to twice as many lines, in a new file moved over the old one at once.
 */
final class RevocationJournal {

    private static final Logger LOG = Logs.of(RevocationJournal.class);
    /** Rewritten no sooner than this many lines, however few are live. */
    static final int MIN_LINES_TO_COMPACT = 1_000;

    private final Path file;
    private int lines;

    RevocationJournal(Path file) {
        this.file = file;
    }

    /** Hands each line of the file to {@code line}; none when there is no file yet. */
    synchronized void replay(Consumer<String> line) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            all.forEach(line);
            lines = all.size();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "The revocations file " + file + " cannot be read, so logouts made before this "
                    + "start are not known: " + e);
        }
    }

    /** Adds a line; false when it could not be written (said in the log). */
    synchronized boolean append(String signed) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
            out.write(signed + "\n");
            lines++;
            return true;
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "A logout could not be written to the revocations file " + file + ", so this "
                    + "replica forgets it when it restarts: " + e);
            return false;
        }
    }

    /** Whether the file holds at least twice as many lines as {@code live}, and enough to be worth rewriting. */
    synchronized boolean worthCompacting(int live) {
        return lines >= MIN_LINES_TO_COMPACT && lines >= 2 * live;
    }

    /** Replaces the file by {@code live}, at once: a crash leaves the old file or the new one, never half. */
    synchronized void rewrite(List<String> live) {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            Files.write(next, live, StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lines = live.size();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The revocations file " + file + " could not be rewritten; it goes on growing: " + e);
        }
    }
}
