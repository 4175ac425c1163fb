package io.verbatim.appointments.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the visit time agreed in a call from what was said ("between one and three this afternoon", "Wednesday,
 * October twenty-first, at five p.m."), relative to when the call took place. Deterministic and explainable: the
 * result cites the turn it came from. Speech gives number words, so they are turned into digits first.
 */
final class AgreedTime {

    /** The agreed slot and the words it rests on. */
    record Slot(Instant start, Instant end, int turn, String quote) {
    }

    /** One line of the conversation. */
    record Line(boolean agent, String text) {
    }

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("fifteen", 15), Map.entry("thirty", 30), Map.entry("forty-five", 45));
    private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7),
            Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("eleventh", 11),
            Map.entry("twelfth", 12), Map.entry("thirteenth", 13), Map.entry("fourteenth", 14), Map.entry("fifteenth", 15),
            Map.entry("sixteenth", 16), Map.entry("seventeenth", 17), Map.entry("eighteenth", 18), Map.entry("nineteenth", 19),
            Map.entry("twentieth", 20), Map.entry("thirtieth", 30));
    private static final String MERIDIEM = "(a\\.?\\s?m\\b\\.?|p\\.?\\s?m\\b\\.?)";
    private static final String CLOCK = "(\\d{1,2})(?::(\\d{2}))?";
    private static final Pattern RANGE = Pattern.compile("(?:between|from)\\s+" + CLOCK + "\\s*" + MERIDIEM + "?\\s+(?:and|to|-)\\s+"
            + CLOCK + "\\s*" + MERIDIEM + "?");
    private static final Pattern AT = Pattern.compile("(?:\\bat|\\bfor)\\s+" + CLOCK + "\\s*(" + MERIDIEM.substring(1, MERIDIEM.length() - 1)
            + "|o'clock)?(?![\\d:])");
    private static final Pattern BARE = Pattern.compile("\\b" + CLOCK + "\\s*" + MERIDIEM);
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(january|february|march|april|may|june|july|august|september"
            + "|october|november|december)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");

    private AgreedTime() {
    }

    /** The slot of the last turn that names a time (an agent's first), or null when no time was said. */
    static Slot find(List<Line> lines, Instant callStart, ZoneId zone, Duration defaultLength) {
        LocalDate callDay = callStart.atZone(zone).toLocalDate();
        Slot best = null;
        boolean bestByAgent = false;
        for (int i = 0; i < lines.size(); i++) {
            String text = normalise(lines.get(i).text());
            LocalTime[] times = times(text);
            if (times == null) {
                continue;
            }
            LocalDate day = date(text, callDay);
            for (int j = i - 1; day == null && j >= Math.max(0, i - 4); j--) {
                day = date(normalise(lines.get(j).text()), callDay);
            }
            for (int j = i + 1; day == null && j < Math.min(lines.size(), i + 4); j++) {
                day = date(normalise(lines.get(j).text()), callDay);
            }
            if (day == null) {
                day = callDay;
            }
            ZonedDateTime start = day.atTime(times[0]).atZone(zone);
            ZonedDateTime end = times[1] != null && times[1].isAfter(times[0]) ? day.atTime(times[1]).atZone(zone)
                    : start.plus(defaultLength);
            boolean agent = lines.get(i).agent();
            if (best == null || agent || !bestByAgent) {
                best = new Slot(start.toInstant(), end.toInstant(), i, lines.get(i).text());
                bestByAgent = agent;
            }
        }
        return best;
    }

    /** Lower case, number words as digits ("one" -> 1, "twenty-first" -> 21st, "five thirty" -> 5:30). */
    static String normalise(String text) {
        String s = " " + text.toLowerCase(Locale.ROOT).replace('\u2019', '\'') + " ";
        s = s.replaceAll("\\bnoon\\b", "12 pm");
        s = s.replaceAll("\\btwenty[- ]", "20+").replaceAll("\\bthirty[- ]first\\b", "31st");
        for (var e : ORDINALS.entrySet()) {
            s = s.replaceAll("20\\+" + e.getKey() + "\\b", (20 + e.getValue()) + "th")
                    .replaceAll("\\b" + e.getKey() + "\\b(?=[ ,.])", e.getValue() + "th");
        }
        for (var e : UNITS.entrySet()) {
            s = s.replaceAll("\\b" + e.getKey() + "\\b", String.valueOf(e.getValue()));
        }
        // "5 30" (spoken) -> 5:30
        s = s.replaceAll("\\b(\\d{1,2}) (15|30|45)\\b(?! (?:minutes|mins|days|hours))", "$1:$2");
        return s;
    }

    private static LocalTime[] times(String s) {
        boolean afternoon = s.contains("afternoon") || s.contains("evening") || s.contains("tonight");
        Matcher range = RANGE.matcher(s);
        if (range.find()) {
            String endMeridiem = range.group(6);
            String startMeridiem = range.group(3) != null ? range.group(3) : endMeridiem;
            LocalTime start = time(range.group(1), range.group(2), startMeridiem, afternoon);
            LocalTime end = time(range.group(4), range.group(5), endMeridiem, afternoon);
            if (start != null && end != null && end.isBefore(start) && endMeridiem == null) {
                end = end.plusHours(12);
            }
            return start == null ? null : new LocalTime[] {start, end};
        }
        for (Pattern p : List.of(AT, BARE)) {
            Matcher m = p.matcher(s);
            LocalTime found = null;
            while (m.find()) {
                String meridiem = m.group(3);
                // "at 5" with nothing else is a time only when the words around it say so.
                if (p == AT && meridiem == null && !afternoon && !s.contains("morning")) {
                    continue;
                }
                found = time(m.group(1), m.group(2), "o'clock".equals(meridiem) ? null : meridiem, afternoon);
            }
            if (found != null) {
                return new LocalTime[] {found, null};
            }
        }
        return null;
    }

    private static LocalTime time(String hourText, String minuteText, String meridiem, boolean afternoon) {
        int hour = Integer.parseInt(hourText);
        int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
        if (hour < 1 || hour > 12 || minute > 59) {
            return null;
        }
        boolean pm;
        if (meridiem != null) {
            pm = meridiem.startsWith("p");
        } else {
            // Visits are booked in working hours: 1 to 6 without a meridiem is the afternoon.
            pm = afternoon || hour <= 6 || hour == 12;
        }
        int h = hour % 12 + (pm ? 12 : 0);
        return LocalTime.of(h, minute);
    }

    private static LocalDate date(String s, LocalDate callDay) {
        Matcher md = MONTH_DAY.matcher(s);
        if (md.find()) {
            Month month = Month.valueOf(md.group(1).toUpperCase(Locale.ROOT));
            int day = Integer.parseInt(md.group(2));
            if (day >= 1 && day <= month.maxLength()) {
                LocalDate d = LocalDate.of(callDay.getYear(), month, Math.min(day, month.length(callDay.isLeapYear())));
                return d.isBefore(callDay) ? d.plusYears(1) : d;
            }
        }
        if (s.contains("tomorrow")) {
            return callDay.plusDays(1);
        }
        Matcher wd = WEEKDAY.matcher(s);
        if (wd.find()) {
            DayOfWeek dow = DayOfWeek.valueOf(wd.group(1).toUpperCase(Locale.ROOT));
            return callDay.with(TemporalAdjusters.next(dow));
        }
        if (s.contains("today") || s.contains("this afternoon") || s.contains("this morning") || s.contains("tonight")
                || s.contains("this evening")) {
            return callDay;
        }
        return null;
    }
}
