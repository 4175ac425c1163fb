package io.verbatim.ask.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question that is really a count or a trend ("how many calls last week had a price objection?"),
 * read into a period and the structured conditions the analysis records. Times are UTC.
 *
 * @param from         inclusive, null = open
 * @param to           exclusive, null = open
 * @param period       the period in words ("last week (2026-11-09 to 2026-11-15)"), null when none
 * @param objections   objection categories asked for; empty with {@code anyObjection} = any objection
 * @param reasonWords  words that may name a call reason ("cancel", "billing")
 * @param keywords     content words for a transcript search when there is no analysis to count from
 * @param trend        the answer should break the count down over time
 */
record CountQuestion(Instant from, Instant to, String period, List<String> objections, boolean anyObjection, String sentiment,
                     String booking, String resolution, List<String> reasonWords, List<String> keywords, boolean trend) {

    private static final Pattern COUNT = Pattern.compile(
            "\\b(how many|how often|number of|count of|count the|what (percent|percentage|share|proportion|fraction)|"
                    + "trends?|per (day|week|month)|by (day|week|month)|over time|week over week)\\b");
    private static final Pattern TREND = Pattern.compile("\\b(trends?|per (day|week|month)|by (day|week|month)|over time|week over week)\\b");
    private static final Pattern LAST_N = Pattern.compile("\\b(?:last|past|previous) (\\d{1,3}|two|three|four|five|six|seven|ten|thirty) (day|week|month)s?\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Map<String, List<String>> OBJECTION_WORDS = new LinkedHashMap<>();
    private static final List<String> STOP = List.of("how", "many", "much", "often", "number", "count", "calls", "call",
            "conversations", "conversation", "did", "do", "does", "had", "have", "has", "with", "were", "was", "the", "a", "an",
            "of", "in", "on", "at", "last", "this", "past", "previous", "week", "weeks", "month", "months", "day", "days",
            "today", "yesterday", "year", "trend", "trends", "per", "by", "over", "time", "what", "which", "percent",
            "percentage", "share", "proportion", "there", "any", "where", "that", "customers", "customer", "mention",
            "mentioned", "mentions", "objection", "objections", "since", "between", "and", "to", "for", "from", "is", "are",
            "be", "been", "it", "they", "about", "raised", "raise", "agents", "agent", "our", "my", "me", "we", "i");

    static {
        OBJECTION_WORDS.put("price", List.of("price", "pricing", "cost", "costs", "expensive", "afford", "budget", "cheaper"));
        OBJECTION_WORDS.put("timing", List.of("timing", "not now", "not ready", "later", "think about it", "wait"));
        OBJECTION_WORDS.put("decision_maker", List.of("decision maker", "decision-maker", "decision_maker", "spouse", "husband",
                "wife", "partner"));
        OBJECTION_WORDS.put("trust", List.of("trust", "distrust", "doubt", "skeptic", "sceptic", "credib"));
        OBJECTION_WORDS.put("competitor", List.of("competitor", "competition", "other quote", "another quote", "other provider",
                "another provider"));
        OBJECTION_WORDS.put("need", List.of("no need", "don't need", "do not need", "need objection"));
    }

    /** Search words for an objection category, for a transcript search when no analysis exists. */
    static List<String> wordsFor(String objection) {
        return OBJECTION_WORDS.getOrDefault(objection, List.of(objection));
    }

    static boolean looksLikeCount(String question) {
        return COUNT.matcher(question.toLowerCase(Locale.ROOT)).find();
    }

    static Optional<CountQuestion> parse(String question, ZonedDateTime now) {
        String q = question.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (!COUNT.matcher(q).find()) {
            return Optional.empty();
        }
        Instant[] range = {null, null};
        String period = period(q, now.withZoneSameInstant(ZoneOffset.UTC), range);

        boolean objectionWord = q.matches("(?s).*\\b(objection|objections|objected|push ?back|pushed back)\\b.*");
        List<String> objections = new ArrayList<>();
        OBJECTION_WORDS.forEach((category, words) -> {
            if (words.stream().anyMatch(w -> q.matches("(?s).*\\b" + Pattern.quote(w) + ".*"))) {
                if (objectionWord || category.equals("competitor")) {
                    objections.add(category);
                }
            }
        });
        String sentiment = null;
        if (q.matches("(?s).*\\b(negative|angry|upset|unhappy|frustrated|annoyed|dissatisfied)\\b.*")) {
            sentiment = "negative";
        } else if (q.matches("(?s).*\\b(positive|happy|satisfied|pleased|delighted)\\b.*")) {
            sentiment = "positive";
        }
        String booking = null;
        if (q.matches("(?s).*\\b(not booked|no booking|didn't book|did not book|failed to book)\\b.*")) {
            booking = "not_booked";
        } else if (q.matches("(?s).*\\b(booked|bookings?|scheduled an appointment|set an appointment)\\b.*")) {
            booking = "booked";
        }
        String resolution = null;
        if (q.matches("(?s).*\\bescalat.*")) {
            resolution = "escalated";
        } else if (q.matches("(?s).*\\bunresolved\\b.*")) {
            resolution = "unresolved";
        } else if (q.matches("(?s).*\\bresolved\\b.*")) {
            resolution = "resolved";
        }
        List<String> words = new ArrayList<>();
        for (String w : q.split("[^\\p{L}\\p{N}_'-]+")) {
            if (w.length() > 2 && !STOP.contains(w) && !w.matches("\\d+") && !ISO_DATE.matcher(w).matches()
                    && !isMonth(w) && !words.contains(w)) {
                words.add(w);
            }
        }
        List<String> keywords = new ArrayList<>(words);
        objections.forEach(o -> wordsFor(o).stream().filter(w -> !w.contains(" ") && !keywords.contains(w)).forEach(keywords::add));
        return Optional.of(new CountQuestion(range[0], range[1], period, objections, objectionWord && objections.isEmpty(),
                sentiment, booking, resolution, words, keywords, TREND.matcher(q).find()));
    }

    /** A condition beyond the period and filters: without one the question counts every call. */
    boolean hasTopic() {
        return !objections.isEmpty() || anyObjection || sentiment != null || booking != null || resolution != null;
    }

    /** What is counted, in words. */
    String topic() {
        List<String> parts = new ArrayList<>();
        if (!objections.isEmpty()) {
            parts.add(objections.size() == 1 ? "a " + objections.getFirst().replace('_', '-') + " objection"
                    : "a " + String.join(" or ", objections.stream().map(o -> o.replace('_', '-')).toList()) + " objection");
        } else if (anyObjection) {
            parts.add("an objection");
        }
        if (sentiment != null) {
            parts.add("a " + sentiment + " customer");
        }
        if (booking != null) {
            parts.add(booking.equals("booked") ? "a booking" : "no booking");
        }
        if (resolution != null) {
            parts.add(resolution.equals("escalated") ? "an escalation" : "a " + resolution + " outcome");
        }
        return String.join(" and ", parts);
    }

    private static boolean isMonth(String w) {
        for (Month m : Month.values()) {
            if (m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(w)) {
                return true;
            }
        }
        return false;
    }

    private static String period(String q, ZonedDateTime now, Instant[] range) {
        LocalDate today = now.toLocalDate();
        Matcher lastN = LAST_N.matcher(q);
        if (lastN.find()) {
            int n = number(lastN.group(1));
            ChronoUnit unit = switch (lastN.group(2)) {
                case "day" -> ChronoUnit.DAYS;
                case "week" -> ChronoUnit.WEEKS;
                default -> ChronoUnit.MONTHS;
            };
            range[0] = now.minus(n, unit).toInstant();
            range[1] = now.toInstant();
            return "the last " + n + " " + lastN.group(2) + (n == 1 ? "" : "s");
        }
        if (q.contains("yesterday")) {
            return day(today.minusDays(1), "yesterday", range);
        }
        if (q.contains("today")) {
            return day(today, "today", range);
        }
        if (q.matches("(?s).*\\b(last|previous) week\\b.*")) {
            LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
            return days(monday, monday.plusWeeks(1), "last week", range);
        }
        if (q.matches("(?s).*\\bpast week\\b.*")) {
            range[0] = now.minusWeeks(1).toInstant();
            range[1] = now.toInstant();
            return "the past week";
        }
        if (q.matches("(?s).*\\bthis week\\b.*")) {
            LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return days(monday, today.plusDays(1), "this week", range);
        }
        if (q.matches("(?s).*\\b(last|previous|past) month\\b.*")) {
            LocalDate first = today.withDayOfMonth(1).minusMonths(1);
            return days(first, first.plusMonths(1), "last month", range);
        }
        if (q.matches("(?s).*\\bthis month\\b.*")) {
            return days(today.withDayOfMonth(1), today.plusDays(1), "this month", range);
        }
        if (q.matches("(?s).*\\b(last|previous) year\\b.*")) {
            LocalDate first = today.withDayOfYear(1).minusYears(1);
            return days(first, first.plusYears(1), "last year", range);
        }
        if (q.matches("(?s).*\\bthis year\\b.*")) {
            return days(today.withDayOfYear(1), today.plusDays(1), "this year", range);
        }
        Matcher dates = ISO_DATE.matcher(q);
        List<LocalDate> found = new ArrayList<>();
        while (dates.find()) {
            try {
                found.add(LocalDate.parse(dates.group(1)));
            } catch (DateTimeParseException e) {
                // not a date after all
            }
        }
        if (found.size() >= 2) {
            LocalDate a = found.get(0).isBefore(found.get(1)) ? found.get(0) : found.get(1);
            LocalDate b = found.get(0).isBefore(found.get(1)) ? found.get(1) : found.get(0);
            return days(a, b.plusDays(1), null, range);
        }
        if (found.size() == 1) {
            if (q.matches("(?s).*\\b(since|after|from)\\s+" + found.getFirst() + ".*")) {
                range[0] = found.getFirst().atStartOfDay(ZoneOffset.UTC).toInstant();
                range[1] = now.toInstant();
                return "since " + found.getFirst();
            }
            return day(found.getFirst(), null, range);
        }
        for (Month m : Month.values()) {
            String name = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (q.matches("(?s).*\\b(in|during|for|of|since) " + name + "\\b.*")) {
                int year = m.getValue() <= today.getMonthValue() ? today.getYear() : today.getYear() - 1;
                LocalDate first = LocalDate.of(year, m, 1);
                return days(first, first.plusMonths(1), m.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year, range);
            }
        }
        return null;
    }

    private static String day(LocalDate day, String words, Instant[] range) {
        return days(day, day.plusDays(1), words, range);
    }

    private static String days(LocalDate from, LocalDate toExclusive, String words, Instant[] range) {
        range[0] = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        range[1] = toExclusive.atStartOfDay(ZoneOffset.UTC).toInstant();
        String span = toExclusive.minusDays(1).equals(from) ? from.toString() : from + " to " + toExclusive.minusDays(1);
        return words == null ? span : words + " (" + span + ")";
    }

    private static int number(String word) {
        return switch (word) {
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "ten" -> 10;
            case "thirty" -> 30;
            default -> Integer.parseInt(word);
        };
    }
}
