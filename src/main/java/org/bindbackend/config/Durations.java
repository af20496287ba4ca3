package org.bindbackend.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as the kube-bind flags write them ({@code 1h}, {@code 90m}, {@code 1h30m}, {@code 45s}). */
final class Durations {

    private static final Pattern GO_DURATION = Pattern.compile("(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?(?:(\\d{1,6})s)?");

    private Durations() {
    }

    static Optional<Duration> parse(String text) {
        Matcher matcher = GO_DURATION.matcher(text.trim());
        if (text.isBlank() || !matcher.matches()) {
            return Optional.empty();
        }
        long hours = group(matcher, 1);
        long minutes = group(matcher, 2);
        long seconds = group(matcher, 3);
        return Optional.of(Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds));
    }

    private static long group(Matcher matcher, int index) {
        String digits = matcher.group(index);
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
