package org.bindbackend.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which lines refused logins write, so that a flood leaves a log a person can read: of each reason, the first
 * {@link #FULL_LINES} in a {@link #WINDOW} are written whole, the rest only counted, and when the window ends one
 * line says how many more there were. What it keeps is one counter per reason, whatever callers send.
 */
final class RefusalLog {

    static final int FULL_LINES = 5;
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Map<LoginRefusal.Reason, Window> windows = new EnumMap<>(LoginRefusal.Reason.class);

    RefusalLog(Clock clock) {
        this.clock = clock;
    }

    /** The window of one reason: when it began, how many refusals it wrote whole, how many it only counted. */
    private static final class Window {
        final Instant start;
        int written;
        int counted;

        Window(Instant start) {
            this.start = start;
        }
    }

    /** What a window that ended counted beyond the lines it wrote whole. */
    record Summary(LoginRefusal.Reason reason, int count, Instant from, Instant to) {

        String line() {
            return "Login refused (" + reason.code() + ") " + count + " more times from " + TIME.format(from) + " to "
                    + TIME.format(to) + " UTC, beyond the " + FULL_LINES + " logged in full";
        }
    }

    /**
     * What one refusal makes written: the summary of its reason's window if that ended, and its own line unless it
     * was only counted.
     */
    record Recorded(Optional<Summary> ended, Optional<String> line) {

        List<String> lines() {
            List<String> lines = new ArrayList<>(2);
            ended.map(Summary::line).ifPresent(lines::add);
            line.ifPresent(lines::add);
            return lines;
        }
    }

    synchronized Recorded record(LoginRefusal refusal) {
        Instant now = clock.instant();
        Optional<Summary> ended = Optional.empty();
        Window window = windows.get(refusal.reason());
        if (window != null && ended(window, now)) {
            ended = summary(refusal.reason(), window);
            window = null;
        }
        if (window == null) {
            window = new Window(now);
            windows.put(refusal.reason(), window);
        }
        if (window.written >= FULL_LINES) {
            window.counted++;
            return new Recorded(ended, Optional.empty());
        }
        window.written++;
        return new Recorded(ended, Optional.of(window.written < FULL_LINES ? refusal.logLine()
                : refusal.logLine() + " (more refusals for " + refusal.reason().code() + " until "
                        + TIME.format(window.start.plus(WINDOW)) + " UTC are counted, and summed up in one line then)"));
    }

    /** When the earliest window that counted refusals ends, if one did. */
    synchronized Optional<Instant> summaryDue() {
        return windows.values().stream().filter(window -> window.counted > 0).map(window -> window.start.plus(WINDOW))
                .min(Instant::compareTo);
    }

    /** The summary of each window that has ended; the next refusal of its reason begins a new one. */
    synchronized List<Summary> endedSummaries() {
        Instant now = clock.instant();
        List<Summary> summaries = new ArrayList<>();
        windows.entrySet().removeIf(entry -> {
            if (!ended(entry.getValue(), now)) {
                return false;
            }
            summary(entry.getKey(), entry.getValue()).ifPresent(summaries::add);
            return true;
        });
        return summaries;
    }

    private static boolean ended(Window window, Instant now) {
        return !now.isBefore(window.start.plus(WINDOW));
    }

    private static Optional<Summary> summary(LoginRefusal.Reason reason, Window window) {
        return window.counted == 0 ? Optional.empty()
                : Optional.of(new Summary(reason, window.counted, window.start, window.start.plus(WINDOW)));
    }
}
