package io.verbatim.csr.internal;

import io.verbatim.platform.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The date range of a metrics request: {@code days} (7, 30 or 90, default 30) ending today, or an explicit
 * {@code from}/{@code to} (inclusive UTC days, at most 366 days).
 */
record Window(LocalDate from, LocalDate to) {

    static Window parse(String from, String to, Integer days) {
        LocalDate end = blank(to) ? LocalDate.now(ZoneOffset.UTC) : date("to", to);
        if (!blank(from)) {
            Window w = new Window(date("from", from), end);
            if (w.from.isAfter(w.to) || ChronoUnit.DAYS.between(w.from, w.to) > 366) {
                throw ProblemException.badRequest("invalid-period", "from must be on or before to, at most 366 days apart");
            }
            return w;
        }
        int n = days == null ? 30 : days;
        if (n != 7 && n != 30 && n != 90) {
            throw ProblemException.badRequest("invalid-period", "days is 7, 30 or 90");
        }
        return new Window(end.minusDays(n - 1), end);
    }

    Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the range. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-period", name + " is a date (YYYY-MM-DD)");
        }
    }
}
