package io.verbatim.sources.internal;

import io.verbatim.platform.ProblemException;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/** Intervals and backoff of a source's schedule. */
final class SourceSchedule {

    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

    private SourceSchedule() {
    }

    /** {@code 15m}, {@code 1h}, {@code 30s} or ISO-8601 {@code PT15M}. */
    static Duration parseDuration(String text, String field) {
        try {
            return DurationStyle.detectAndParse(text.strip());
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-source-settings", field + " is a duration such as 15m, 1h or PT15M");
        }
    }

    static Duration interval(String text) {
        if (text == null) {
            return DEFAULT_INTERVAL;
        }
        Duration d = parseDuration(text, "interval");
        if (d.compareTo(MIN_INTERVAL) < 0 || d.compareTo(Duration.ofDays(7)) > 0) {
            throw ProblemException.badRequest("invalid-source-settings", "interval must be between 5s and 7d");
        }
        return d;
    }

    /** After {@code failures} failed runs in a row: the interval doubled per failure beyond the first, capped. */
    static Duration backoff(Duration interval, int failures, Duration max) {
        long factor = 1L << Math.min(Math.max(0, failures - 1), 20);
        Duration wait = interval.multipliedBy(factor);
        return wait.compareTo(max) > 0 ? (interval.compareTo(max) > 0 ? interval : max) : wait;
    }
}
