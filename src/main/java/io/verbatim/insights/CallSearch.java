package io.verbatim.insights;

import io.verbatim.platform.ProblemException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Calls Explorer's filters (every one optional) and sort. Durations are seconds, scores 0-100.
 * {@code agent} is an agent key: a user id, or {@code ref:<agent id>} for agents known only by reference.
 * {@code needsReview}: whether any judgment is marked for review; {@code reviewField}: that this one is
 * ({@code booking_status}, {@code qa.greeting}...).
 */
public record CallSearch(Period period, String agent, String direction, String channel, String language,
                         Double minDuration, Double maxDuration, String sentiment, Double minScore, Double maxScore,
                         String reason, String tracker, String objection, String entity, String status, String missedItem,
                         Boolean autoFailed, Boolean needsReview, String reviewField, String text,
                         Sort sort) {

    public enum Sort {
        NEWEST("c.occurred_at", true), OLDEST("c.occurred_at", false), LONGEST("coalesce(c.duration_seconds, -1)", true),
        SHORTEST("coalesce(c.duration_seconds, -1)", false), HIGHEST_SCORE("c.sort_score", true),
        LOWEST_SCORE("c.sort_score", false);

        final String expression;
        final boolean descending;

        Sort(String expression, boolean descending) {
            this.expression = expression;
            this.descending = descending;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Sort parse(String value) {
            if (Period.blank(value)) {
                return NEWEST;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-parameter", "sort must be one of newest, oldest, longest, "
                        + "shortest, highest_score, lowest_score");
            }
        }
    }

    private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound", "in_person", "internal", "unknown");
    private static final Set<String> CHANNELS = Set.of("phone", "field_visit", "video", "voice_agent", "chat", "other");
    private static final Set<String> SENTIMENTS = Set.of("negative", "neutral", "positive");
    private static final Set<String> STATUSES = Set.of("received", "processing", "completed", "failed");

    /** From request parameters (names as in the query string); unknown enum values are a 400, not an empty list. */
    public static CallSearch parse(Map<String, String> p, Clock clock) {
        String agent = trim(p.get("agent"));
        if (agent != null && !agent.startsWith("ref:")) {
            Period.uuid("agent", agent);
        }
        return new CallSearch(Period.parse(p.get("from"), p.get("to"), p.get("team"), clock), agent,
                oneOf("direction", p.get("direction"), DIRECTIONS), oneOf("channel", p.get("channel"), CHANNELS),
                trim(p.get("language")), number("min_duration", p.get("min_duration")),
                number("max_duration", p.get("max_duration")), oneOf("sentiment", p.get("sentiment"), SENTIMENTS),
                number("min_score", p.get("min_score")), number("max_score", p.get("max_score")), trim(p.get("reason")),
                trim(p.get("tracker")), trim(p.get("objection")), trim(p.get("entity")),
                oneOf("status", p.get("status"), STATUSES), trim(p.get("missed")),
                Period.blank(p.get("auto_failed")) ? null : Boolean.parseBoolean(p.get("auto_failed").trim()),
                bool("needs_review", p.get("needs_review")), trim(p.get("review_field")), trim(p.get("q")),
                Sort.parse(p.get("sort")));
    }

    public UUID team() {
        return period.team();
    }

    private static String trim(String value) {
        return Period.blank(value) ? null : value.trim();
    }

    private static String oneOf(String name, String value, Set<String> allowed) {
        String v = trim(value);
        if (v != null && !allowed.contains(v)) {
            throw ProblemException.badRequest("invalid-parameter", name + " must be one of " + new java.util.TreeSet<>(allowed));
        }
        return v;
    }

    private static Boolean bool(String name, String value) {
        String v = oneOf(name, value, Set.of("true", "false"));
        return v == null ? null : Boolean.valueOf(v);
    }

    private static Double number(String name, String value) {
        String v = trim(value);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-parameter", name + " must be a number, not '" + value + "'");
        }
    }
}
