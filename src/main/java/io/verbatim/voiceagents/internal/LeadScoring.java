package io.verbatim.voiceagents.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lead score of one caller (0–100) from their voice-agent calls and those calls' analyses: a sum of eight
 * factors with fixed weights, each kept with the points it gave, its maximum and the call (and words) it rests on,
 * so the score explains itself. Deterministic; documented in docs/voice-agents.md.
 */
final class LeadScoring {

    static final int QUALIFICATION_MAX = 25;
    static final int INTENT_MAX = 15;
    static final int URGENCY_MAX = 15;
    static final int BUDGET_MAX = 10;
    static final int BOOKED_MAX = 10;
    static final int SENTIMENT_MAX = 10;
    static final int RECENCY_MAX = 10;
    static final int ENGAGEMENT_MAX = 5;
    /** Recency falls from its maximum (a call within a day) to nothing at this age. */
    static final Duration RECENCY_HORIZON = Duration.ofDays(30);

    private static final Pattern URGENT = Pattern.compile("\\b(urgent(ly)?|emergency|asap|as soon as possible|right away|"
            + "immediately|today|tonight|this (morning|afternoon|evening)|leak(ing)?|flood(ing|ed)?|no heat|in pain|"
            + "hurts|broken|can't wait|cannot wait)\\b");
    private static final Pattern BUDGET = Pattern.compile("(\\$\\s?\\d|\\b(budget|afford|dollars?|bucks|price range|"
            + "how much|what does it cost|what's the cost|quote|estimate|financing|insurance)\\b)");

    /** What one voice-agent call of the caller contributes; text is the caller's own words (and the call's summary). */
    record CallFacts(UUID conversationId, Instant at, String qualification, String bookingStatus, String sentiment,
                     Double commercialOpportunity, Double customerTalkSeconds, Map<String, Object> structuredData,
                     List<String> callerLines) {
    }

    /** One factor's contribution; {@code conversationId} and {@code quote} cite where it came from (null: none). */
    record Factor(String factor, int points, int max, String detail, UUID conversationId, String quote) {
    }

    record Result(int score, List<Factor> factors) {
    }

    private LeadScoring() {
    }

    static Result score(List<CallFacts> calls, Instant now) {
        List<CallFacts> byTime = calls.stream().sorted(Comparator.comparing(CallFacts::at)).toList();
        List<Factor> factors = new ArrayList<>();
        factors.add(qualification(byTime));
        factors.add(intent(byTime));
        factors.add(words("urgency", URGENCY_MAX, URGENT, byTime, "urgency", "urgent", "said it is urgent", "no urgency said"));
        factors.add(words("budget", BUDGET_MAX, BUDGET, byTime, "budget", "price", "spoke about budget or price",
                "no budget or price mentioned"));
        factors.add(booked(byTime));
        factors.add(sentiment(byTime));
        factors.add(recency(byTime.isEmpty() ? null : byTime.getLast().at(), byTime.isEmpty() ? null
                : byTime.getLast().conversationId(), now));
        factors.add(engagement(byTime));
        return total(factors);
    }

    /** The same factors with recency measured again at {@code now} (a stored score ages as its last call does). */
    static Result reage(List<Factor> stored, Instant lastCallAt, UUID lastCall, Instant now) {
        List<Factor> factors = new ArrayList<>();
        for (Factor f : stored) {
            factors.add("recency".equals(f.factor()) ? recency(lastCallAt, lastCall, now) : f);
        }
        return total(factors);
    }

    private static Result total(List<Factor> factors) {
        int sum = factors.stream().mapToInt(Factor::points).sum();
        return new Result(Math.max(0, Math.min(100, sum)), List.copyOf(factors));
    }

    /** The best qualification any call reached: hot 25, warm 15, cold 5, unqualified 0. */
    private static Factor qualification(List<CallFacts> calls) {
        CallFacts best = null;
        int points = 0;
        for (CallFacts c : calls) {
            int p = switch (c.qualification() == null ? "" : c.qualification()) {
                case "hot" -> QUALIFICATION_MAX;
                case "warm" -> 15;
                case "cold" -> 5;
                default -> 0;
            };
            if (best == null && c.qualification() != null || p > points) {
                best = c;
                points = p;
            }
        }
        return best == null ? new Factor("qualification", 0, QUALIFICATION_MAX, "not qualified by the analysis", null, null)
                : new Factor("qualification", points, QUALIFICATION_MAX, "qualified " + best.qualification(), best.conversationId(), null);
    }

    /** The highest commercial-opportunity index (0–100: need expressed, buying signals, questions) of any call. */
    private static Factor intent(List<CallFacts> calls) {
        CallFacts best = null;
        for (CallFacts c : calls) {
            if (c.commercialOpportunity() != null && (best == null || c.commercialOpportunity() > best.commercialOpportunity())) {
                best = c;
            }
        }
        if (best == null) {
            return new Factor("intent", 0, INTENT_MAX, "no commercial opportunity measured", null, null);
        }
        double index = Math.max(0, Math.min(100, best.commercialOpportunity()));
        return new Factor("intent", (int) Math.round(index * INTENT_MAX / 100.0), INTENT_MAX,
                "commercial opportunity " + Math.round(index) + "/100", best.conversationId(), null);
    }

    /** Full points when the caller's words (or the structured data's {@code key} fields) name it; the latest such call is cited. */
    private static Factor words(String name, int max, Pattern pattern, List<CallFacts> calls, String key, String altKey,
                                String yes, String no) {
        for (CallFacts c : calls.reversed()) {
            Object flagged = c.structuredData() == null ? null : c.structuredData().getOrDefault(key, c.structuredData().get(altKey));
            if (truthy(flagged)) {
                return new Factor(name, max, max, yes + " (structured data: " + key + " = " + flagged + ")", c.conversationId(), null);
            }
            for (String line : c.callerLines()) {
                Matcher m = pattern.matcher(line.toLowerCase(Locale.ROOT));
                if (m.find()) {
                    return new Factor(name, max, max, yes + " (\"" + m.group().strip() + "\")", c.conversationId(), clip(line));
                }
            }
        }
        return new Factor(name, 0, max, no, null, null);
    }

    private static Factor booked(List<CallFacts> calls) {
        for (CallFacts c : calls.reversed()) {
            Object structured = c.structuredData() == null ? null : c.structuredData().get("booking_status");
            if ("booked".equals(c.bookingStatus()) || "booked".equals(structured)) {
                return new Factor("booked", BOOKED_MAX, BOOKED_MAX, "booked in a call", c.conversationId(), null);
            }
        }
        return new Factor("booked", 0, BOOKED_MAX, "nothing booked yet", null, null);
    }

    /** The latest call's customer sentiment: positive 10, neutral 5, negative 0. */
    private static Factor sentiment(List<CallFacts> calls) {
        for (CallFacts c : calls.reversed()) {
            if (c.sentiment() != null) {
                int points = switch (c.sentiment()) {
                    case "positive" -> SENTIMENT_MAX;
                    case "neutral" -> 5;
                    default -> 0;
                };
                return new Factor("sentiment", points, SENTIMENT_MAX, "customer sentiment " + c.sentiment() + " in the latest call",
                        c.conversationId(), null);
            }
        }
        return new Factor("sentiment", 0, SENTIMENT_MAX, "no sentiment measured", null, null);
    }

    /** Ten points for a call within a day, falling linearly to none at 30 days. */
    static Factor recency(Instant lastCallAt, UUID lastCall, Instant now) {
        if (lastCallAt == null) {
            return new Factor("recency", 0, RECENCY_MAX, "no call", null, null);
        }
        Duration age = Duration.between(lastCallAt, now);
        long hours = Math.max(0, age.toHours());
        int points = hours <= 24 ? RECENCY_MAX
                : (int) Math.max(0, Math.round(RECENCY_MAX * (1 - (double) (hours - 24) / (RECENCY_HORIZON.toHours() - 24))));
        String ago = hours < 48 ? hours + " h ago" : (hours / 24) + " days ago";
        return new Factor("recency", points, RECENCY_MAX, "last call " + ago, lastCall, null);
    }

    /** Three points for calling more than once, two for at least a minute of the caller's own talk in all. */
    private static Factor engagement(List<CallFacts> calls) {
        double talk = calls.stream().map(CallFacts::customerTalkSeconds).filter(t -> t != null).mapToDouble(Double::doubleValue).sum();
        int points = (calls.size() > 1 ? 3 : 0) + (talk >= 60 ? 2 : 0);
        return new Factor("engagement", points, ENGAGEMENT_MAX, calls.size() + (calls.size() == 1 ? " call, " : " calls, ")
                + Math.round(talk) + " s of the caller's talk", null, null);
    }

    private static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        String v = value.toString().strip().toLowerCase(Locale.ROOT);
        return !v.isEmpty() && !java.util.Set.of("false", "no", "none", "low", "null", "0", "n/a").contains(v);
    }

    private static String clip(String line) {
        return line.length() <= 200 ? line : line.substring(0, 197) + "…";
    }
}
