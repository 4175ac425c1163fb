package io.verbatim.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Reading the timestamps other systems send, whatever shape they chose. */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * ISO-8601 with an offset or {@code Z}, a local date-time (taken as UTC, {@code T} or a space between
     * date and time), or RFC 1123 ({@code Tue, 28 May 2019 02:18:02 +0000}); null when blank or unreadable.
     */
    public static Instant lenient(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (RuntimeException e) {
            // next format
        }
        try {
            return Instant.parse(v);
        } catch (RuntimeException e) {
            // next format
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (RuntimeException e) {
            // next format
        }
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
