package io.verbatim.insights;

import io.verbatim.platform.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The days (UTC, both inclusive) and optionally the team a dashboard covers. Defaults to the last 30 days.
 */
public record Period(LocalDate from, LocalDate to, UUID team) {

    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 3 * 366;

    public Period {
        if (from.isAfter(to)) {
            throw ProblemException.badRequest("invalid-period", "from (" + from + ") is after to (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ProblemException.badRequest("invalid-period", "A period covers at most " + MAX_DAYS + " days");
        }
    }

    /** Parses request parameters; blank values take the defaults. */
    public static Period parse(String from, String to, String team, Clock clock) {
        LocalDate end = blank(to) ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : date("to", to);
        LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        return new Period(start, end, blank(team) ? null : uuid("team", team));
    }

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-parameter", name + " must be a date like 2026-11-01, not '" + value + "'");
        }
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-parameter", name + " must be an id, not '" + value + "'");
        }
    }
}
