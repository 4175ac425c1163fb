package io.verbatim.analysis;

import java.util.List;

/**
 * One judgment of the analyst about a conversation, with how sure it is.
 *
 * @param field      {@code customer_sentiment}, {@code sentiment_trend}, {@code booking_status}, {@code qualification},
 *                   {@code outcome}, {@code resolution}, {@code call_reason}, {@code qa.<item key>}, {@code objections},
 *                   {@code action_items}
 * @param value      the wire value (enum wire name, item result, or a count for list judgments); null = not applicable
 * @param confidence 0..1: how likely the value is right; below {@link #REVIEW_BELOW} the judgment is marked for review
 * @param source     {@link #BUILT_IN} or {@link #LLM}
 * @param evidence   the sentences the value rests on (may be empty)
 */
public record Judgment(String field, String value, double confidence, String source, List<Evidence> evidence) {

    public static final String BUILT_IN = "built_in";
    public static final String LLM = "llm";
    /** Judgments less sure than this are listed as needing a person's review instead of standing as silent guesses. */
    public static final double REVIEW_BELOW = 0.6;

    public Judgment {
        confidence = Math.max(0, Math.min(1, confidence));
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public boolean lowConfidence() {
        return confidence < REVIEW_BELOW;
    }

    public static Judgment builtIn(String field, String value, double confidence, Evidence evidence) {
        return new Judgment(field, value, confidence, BUILT_IN, evidence == null ? List.of() : List.of(evidence));
    }
}
