package io.verbatim.voiceagents.internal;

import io.verbatim.speech.Turn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a voice agent booked in a call, read from the call as the webhooks module kept it: the agent's booking tool call
 * in the transcript ({@code tool call: bookAppointment {"service":"…","start":"…"}}, the last one wins), else the
 * platform's own structured data when it says {@code booking_status: booked}. Times without an offset are read in the
 * appointments' zone.
 */
final class BookingRequests {

    /** @param origin {@code tool_call} or {@code analysis}; start null when the call named no time that can be read */
    record Request(String origin, String service, Instant start, Instant end, Integer durationMinutes) {
    }

    private static final Pattern BOOKING_TOOL = Pattern.compile("(?i).*(book|schedule|reserve|appointment).*");
    private static final Pattern CLOCK = Pattern.compile("(?i)^(\\d{1,2})(?::(\\d{2}))?(?::\\d{2})?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?$");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final List<String> SERVICE_KEYS = List.of("service", "service_name", "serviceName", "service_type", "serviceType",
            "appointment_type", "appointmentType", "treatment");
    private static final List<String> START_KEYS = List.of("start", "start_time", "startTime", "datetime", "date_time", "dateTime",
            "appointment_time", "appointmentTime", "slot", "when");
    private static final List<String> END_KEYS = List.of("end", "end_time", "endTime");
    private static final List<String> DURATION_KEYS = List.of("duration_minutes", "durationMinutes", "duration");

    private BookingRequests() {
    }

    static Optional<Request> fromToolCalls(List<Turn> turns, JsonMapper json, ZoneId zone) {
        Request found = null;
        for (Turn t : turns) {
            String text = t.text();
            if (text == null || !text.startsWith("tool call: ")) {
                continue;
            }
            String rest = text.substring("tool call: ".length());
            while (!rest.isBlank()) {
                int space = rest.indexOf(' ');
                String name = space < 0 ? rest.strip() : rest.substring(0, space);
                int open = space < 0 ? -1 : rest.indexOf('{', space);
                int close = open < 0 ? -1 : closing(rest, open);
                Map<String, Object> args = Map.of();
                if (open == space + 1 && close > open) {
                    try {
                        args = json.readValue(rest.substring(open, close + 1), MAP);
                    } catch (RuntimeException e) {
                        args = Map.of();
                    }
                }
                if (BOOKING_TOOL.matcher(name).matches()) {
                    found = request("tool_call", args, zone);
                }
                int next = rest.indexOf("; ", close > 0 ? close : 0);
                rest = next < 0 ? "" : rest.substring(next + 2);
            }
        }
        return Optional.ofNullable(found);
    }

    /** The booking the analysis found (the caller decides that it did), with what the structured data says of it. */
    static Request fromAnalysis(Map<String, Object> structuredData, ZoneId zone) {
        return request("analysis", structuredData == null ? Map.of() : structuredData, zone);
    }

    private static Request request(String origin, Map<String, Object> args, ZoneId zone) {
        String service = first(args, SERVICE_KEYS);
        Instant start = instant(first(args, START_KEYS), zone);
        if (start == null && args.get("date") != null) {
            start = dateAndTime(String.valueOf(args.get("date")), args.get("time") == null ? null : String.valueOf(args.get("time")), zone);
        }
        Integer minutes = null;
        String duration = first(args, DURATION_KEYS);
        if (duration != null && duration.matches("\\d{1,4}")) {
            minutes = Integer.parseInt(duration);
        }
        return new Request(origin, service, start, instant(first(args, END_KEYS), zone), minutes);
    }

    private static String first(Map<String, Object> args, List<String> keys) {
        for (String k : keys) {
            Object v = args.get(k);
            if (v != null && !(v instanceof Map) && !(v instanceof List) && !v.toString().isBlank()) {
                return v.toString().strip();
            }
        }
        return null;
    }

    static Instant instant(String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // no offset: local time in the appointments' zone
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant dateAndTime(String date, String time, ZoneId zone) {
        try {
            LocalDate day = LocalDate.parse(date.strip());
            if (time == null) {
                return null;
            }
            Matcher m = CLOCK.matcher(time.strip());
            if (!m.matches()) {
                return null;
            }
            int hour = Integer.parseInt(m.group(1));
            String meridiem = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT).replace(".", "");
            if ("pm".equals(meridiem) && hour < 12) {
                hour += 12;
            } else if ("am".equals(meridiem) && hour == 12) {
                hour = 0;
            }
            if (hour > 23) {
                return null;
            }
            LocalTime at = LocalTime.of(hour, m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
            return day.atTime(at).atZone(zone).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /** The index of the brace closing the object opened at {@code open}, ignoring braces inside strings; -1 if none. */
    private static int closing(String s, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
