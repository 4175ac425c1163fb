package io.verbatim.followups.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an action item becomes a task: its category by what it asks for, and its due day from the words said
 * ("today", "tomorrow", "Tuesday", "within 48 hours"), relative to the day of the call.
 */
final class ActionItemTasks {

    private static final Pattern WITHIN = Pattern.compile("within\\s+(\\d+|a|an|one|two|three)\\s+(hour|day|business day|week)s?");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");

    private ActionItemTasks() {
    }

    static String category(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        if (s.matches(".*\\b(schedul|book|dispatch|appointment|visit|technician|inspect|estimate).*")) {
            return "schedule_visit";
        }
        if (s.matches(".*\\b(call|phone|ring|reach out|check in).*")) {
            return "callback";
        }
        if (s.matches(".*\\b(email|e-mail|send|text|quote|mail|brochure|information|info)\\b.*")) {
            return "send_info";
        }
        return "follow_up";
    }

    /** The due day, or null when the words name none. */
    static LocalDate due(String hint, String text, LocalDate callDay) {
        String s = ((hint == null ? "" : hint) + " " + text).toLowerCase(Locale.ROOT);
        if (s.contains("today") || s.contains("this afternoon") || s.contains("tonight") || s.contains("this morning")
                || s.contains("end of day")) {
            return callDay;
        }
        if (s.contains("tomorrow")) {
            return callDay.plusDays(1);
        }
        Matcher within = WITHIN.matcher(s);
        if (within.find()) {
            String n = within.group(1);
            int count = switch (n) {
                case "a", "an", "one" -> 1;
                case "two" -> 2;
                case "three" -> 3;
                default -> Integer.parseInt(n);
            };
            return switch (within.group(2)) {
                case "hour" -> callDay.plusDays((count + 23) / 24);
                case "week" -> callDay.plusWeeks(count);
                default -> callDay.plusDays(count);
            };
        }
        if (s.contains("next week")) {
            return callDay.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        }
        Matcher weekday = WEEKDAY.matcher(s);
        if (weekday.find()) {
            return callDay.with(TemporalAdjusters.next(DayOfWeek.valueOf(weekday.group(1).toUpperCase(Locale.ROOT))));
        }
        return null;
    }
}
