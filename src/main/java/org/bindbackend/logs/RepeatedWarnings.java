package org.bindbackend.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Warnings that anyone outside can make the backend repeat (refused logins, forged shared revocations) written
 * so that a flood stays readable: of each kind, one line per {@link #INTERVAL}, and the next line of that kind
 * says how many were left out since. The kinds must be few and fixed (reason codes), never taken from a request.
 */
public final class RepeatedWarnings {

    public static final Duration INTERVAL = Duration.ofMinutes(1);

    private static final class Window {
        Instant logged = Instant.MIN;
        long leftOut;
    }

    private final Logger log;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RepeatedWarnings(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /**
     * Logs {@code line} unless a line of {@code kind} was logged in the last interval; then counts it.
     *
     * @return whether the line was logged: what else follows the log (the audit trail) may follow it too
     */
    public boolean warn(String kind, Supplier<String> line) {
        Window window = windows.computeIfAbsent(kind, any -> new Window());
        long leftOut;
        synchronized (window) {
            Instant now = clock.instant();
            if (now.isBefore(window.logged.plus(INTERVAL))) {
                window.leftOut++;
                return false;
            }
            leftOut = window.leftOut;
            window.logged = now;
            window.leftOut = 0;
        }
        log.log(Level.WARNING, leftOut == 0 ? line.get()
                : line.get() + " (and " + leftOut + " more like it since the last such line)");
        return true;
    }
}
