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

    /** The lines to write for {@code refusal} now: its own, or none when only counted, after an ended window's summary. */
    synchronized List<String> record(LoginRefusal refusal) {
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>(2);
        Window window = windows.get(refusal.reason());
        if (window != null && ended(window, now)) {
            summary(refusal.reason(), window).ifPresent(lines::add);
            window = null;
        }
        if (window == null) {
            window = new Window(now);
            windows.put(refusal.reason(), window);
        }
        if (window.written < FULL_LINES) {
            window.written++;
            lines.add(window.written < FULL_LINES ? refusal.logLine() : refusal.logLine() + " (more refusals for "
                    + refusal.reason().code() + " until " + TIME.format(window.start.plus(WINDOW))
                    + " UTC are counted, and summed up in one line then)");
        } else {
            window.counted++;
        }
        return lines;
    }

    /** When the earliest window that counted refusals ends, if one did. */
    synchronized Optional<Instant> summaryDue() {
        return windows.values().stream().filter(window -> window.counted > 0).map(window -> window.start.plus(WINDOW))
                .min(Instant::compareTo);
    }

    /** The summary of each window that has ended; the next refusal of its reason begins a new one. */
    synchronized List<String> endedSummaries() {
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>();
        windows.entrySet().removeIf(entry -> {
            if (!ended(entry.getValue(), now)) {
                return false;
            }
            summary(entry.getKey(), entry.getValue()).ifPresent(lines::add);
            return true;
        });
        return lines;
    }

    private static boolean ended(Window window, Instant now) {
        return !now.isBefore(window.start.plus(WINDOW));
    }

    private static Optional<String> summary(LoginRefusal.Reason reason, Window window) {
        if (window.counted == 0) {
            return Optional.empty();
        }
        return Optional.of("Login refused (" + reason.code() + ") " + window.counted + " more times from "
                + TIME.format(window.start) + " to " + TIME.format(window.start.plus(WINDOW)) + " UTC, beyond the "
                + FULL_LINES + " logged in full");
    }
}
