package io.verbatim.analysis.internal.llm;

import io.verbatim.analysis.ActionItem;
import io.verbatim.analysis.BookingStatus;
import io.verbatim.analysis.Evidence;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.Objection;
import io.verbatim.analysis.Qualification;
import io.verbatim.analysis.SentimentSignal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LLM's valid judgments of one conversation, field by field: a field is absent (null, or missing
 * from {@code items}) when the LLM did not give it validly, and {@code problems} says why. Values are
 * already checked against the transcript (quotes) and the scorecard (item keys).
 *
 * @param items    scorecard item key -> verdict
 * @param problems field ({@code qa.<key>}, {@code booking_status}, ...) -> why it is not usable
 */
record LlmVerdicts(Map<String, Verdict<ItemStatus>> items, Verdict<SentimentSignal.Polarity> sentiment,
                   Verdict<SentimentSignal.Trend> trend, Verdict<BookingStatus> booking,
                   Verdict<Qualification> qualification, Verdict<List<Objection>> objections,
                   Verdict<List<ActionItem>> actionItems, Map<String, String> problems) {

    LlmVerdicts {
        items = Map.copyOf(items);
        problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /**
     * One valid judgment: a value (null = not applicable, for booking status and qualification) with the
     * confidence the model stated and the evidence it cited (verified; empty when none was needed).
     */
    record Verdict<T>(T value, double stated, List<Evidence> evidence) {

        Verdict {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /**
     * The fields of several attempts combined: each field from the latest attempt that gave it validly
     * (a retry that fixes one field must not lose the others the first answer got right).
     */
    static LlmVerdicts latestValid(List<LlmVerdicts> attempts) {
        Map<String, Verdict<ItemStatus>> items = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (LlmVerdicts a : attempts) {
            items.putAll(a.items);
            problems.putAll(a.problems);
        }
        problems.keySet().removeIf(f -> f.startsWith("qa.") && items.containsKey(f.substring(3)));
        LlmVerdicts combined = new LlmVerdicts(items, latest(attempts, LlmVerdicts::sentiment), latest(attempts, LlmVerdicts::trend),
                latest(attempts, LlmVerdicts::booking), latest(attempts, LlmVerdicts::qualification),
                latest(attempts, LlmVerdicts::objections), latest(attempts, LlmVerdicts::actionItems), Map.of());
        problems.keySet().removeIf(combined::valid);
        return new LlmVerdicts(combined.items, combined.sentiment, combined.trend, combined.booking, combined.qualification,
                combined.objections, combined.actionItems, problems);
    }

    /** Whether a (non-scorecard) field was given validly. */
    boolean valid(String field) {
        return switch (field) {
            case "customer_sentiment" -> sentiment != null;
            case "sentiment_trend" -> trend != null;
            case "booking_status" -> booking != null;
            case "qualification" -> qualification != null;
            case "objections" -> objections != null;
            case "action_items" -> actionItems != null;
            default -> field.startsWith("qa.") && items.containsKey(field.substring(3));
        };
    }

    private static <T> T latest(List<LlmVerdicts> attempts, java.util.function.Function<LlmVerdicts, T> field) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            T v = field.apply(attempts.get(i));
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
