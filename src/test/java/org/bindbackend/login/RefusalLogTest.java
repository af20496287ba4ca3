package org.bindbackend.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bindbackend.login.LoginRefusal.Reason;
import org.bindbackend.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** A flood of refusals leaves a few lines per reason a minute and one that sums up the rest. */
class RefusalLogTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    final RefusalLog log = new RefusalLog(clock);

    static final LoginRefusal REPLAYED = CallbackCheck.replayed();
    static final LoginRefusal FORGED = LoginRefusal.of(Reason.NO_LOGIN_IN_PROGRESS, CallbackCheck.NO_LOGIN_IN_PROGRESS);

    @Test
    void ofEachReasonTheFirstFewAMinuteAreWrittenAndTheRestSummedUpInOneLine() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            lines.addAll(log.record(REPLAYED).lines());
            lines.addAll(log.record(FORGED).lines());
        }
        assertEquals(2 * RefusalLog.FULL_LINES, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(RefusalLog.FULL_LINES * 2 - 2).endsWith("(more refusals for callback_replayed until "
                + "09:01:00 UTC are counted, and summed up in one line then)"), lines.toString());
        assertEquals(Optional.of(clock.instant().plus(RefusalLog.WINDOW)), log.summaryDue());
        assertEquals(List.of(), log.endedSummaries(), "the minute has not ended");

        clock.advance(RefusalLog.WINDOW);
        List<String> summaries = log.endedSummaries().stream().map(RefusalLog.Summary::line).toList();
        assertEquals(List.of(
                "Login refused (callback_replayed) 9995 more times from 09:00:00 to 09:01:00 UTC, beyond the 5 "
                        + "logged in full",
                "Login refused (no_login_in_progress) 9995 more times from 09:00:00 to 09:01:00 UTC, beyond the 5 "
                        + "logged in full"), summaries.stream().sorted().toList());
        assertEquals(Optional.empty(), log.summaryDue());
        assertEquals(List.of(REPLAYED.logLine()), log.record(REPLAYED).lines(), "a new minute writes again");
    }

    @Test
    void aWindowThatEndsIsSummedUpByTheNextRefusalIfNoneWroteItBefore() {
        for (int i = 0; i < RefusalLog.FULL_LINES + 3; i++) {
            log.record(REPLAYED);
        }
        clock.advance(RefusalLog.WINDOW.plus(Duration.ofSeconds(5)));
        List<String> lines = log.record(REPLAYED).lines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Login refused (callback_replayed) 3 more times"), lines.get(0));
        assertEquals(REPLAYED.logLine(), lines.get(1));
    }

    @Test
    void aQuietMinuteNeedsNoSummary() {
        for (int i = 0; i < RefusalLog.FULL_LINES; i++) {
            assertEquals(1, log.record(FORGED).lines().size());
        }
        assertEquals(Optional.empty(), log.summaryDue());
        clock.advance(RefusalLog.WINDOW);
        assertEquals(List.of(), log.endedSummaries());
    }
}
