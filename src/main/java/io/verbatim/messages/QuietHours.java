package io.verbatim.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The hours in which automatic texts are not sent (held until the end), local to {@code timeZone}; a window may span
 * midnight (21:00 to 08:00).
 *
 * @param start    "HH:mm", the first minute of quiet
 * @param end      "HH:mm", the first minute texts go again
 * @param timeZone an IANA zone (America/Chicago); null for the platform's {@code verbatim.appointments.zone}
 */
public record QuietHours(String start, String end, String timeZone) {

    public static final QuietHours DEFAULT = new QuietHours("21:00", "08:00", null);

    /** When the quiet hours around {@code now} end, or empty when {@code now} is not in them. */
    public Optional<Instant> heldUntil(Instant now, ZoneId fallback) {
        ZoneId zone = zone(fallback);
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        LocalTime from = LocalTime.parse(start);
        LocalTime to = LocalTime.parse(end);
        boolean quiet = from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
        if (!quiet) {
            return Optional.empty();
        }
        LocalDate day = t.isBefore(to) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return Optional.of(ZonedDateTime.of(day, to, zone).toInstant());
    }

    /** The zone the hours are read in. */
    public ZoneId zone(ZoneId fallback) {
        return timeZone == null || timeZone.isBlank() ? fallback : ZoneId.of(timeZone);
    }
}
