package io.verbatim.analysis;

import java.util.List;

/**
 * How the LLM judged a conversation and what it replaced. The result's values are the LLM's for the
 * fields in {@code llmFields}; every other field kept the built-in value (the reason is in
 * {@code fallbacks}). {@code builtIn} keeps the built-in values of everything the LLM judges, so an
 * evaluation can compare the two field by field (the judgments list holds both as well).
 *
 * @param status    "ok" (at least one field is the LLM's) or "failed" (every value is built-in)
 * @param provider  "provider:model"
 * @param attempts  requests made (a second one only after invalid output)
 * @param error     why nothing could be used (transport error, no valid field), else null
 * @param truncated the transcript was too long and the LLM saw its opening and close only
 * @param llmFields the fields whose final value is the LLM's ({@code qa.<key>}, {@code customer_sentiment}, ...)
 * @param fallbacks the fields the LLM did not give validly, with why
 */
public record LlmJudging(String status, String provider, int attempts, String error, boolean truncated,
                         List<String> llmFields, List<Fallback> fallbacks, BuiltIn builtIn) {

    public LlmJudging {
        llmFields = llmFields == null ? List.of() : List.copyOf(llmFields);
        fallbacks = fallbacks == null ? List.of() : List.copyOf(fallbacks);
    }

    public static LlmJudging failed(String provider, String error, int attempts, BuiltIn builtIn) {
        return new LlmJudging("failed", provider, attempts, error, false, List.of(), List.of(), builtIn);
    }

    /** A field that kept its built-in value. */
    public record Fallback(String field, String reason) {
    }

    /** The built-in analyst's values of the fields the LLM judges. */
    public record BuiltIn(ScorecardResult scorecard, Outcomes outcomes, List<Objection> objections,
                          List<ActionItem> actionItems, String customerSentiment, String sentimentTrend) {

        public BuiltIn {
            objections = objections == null ? List.of() : List.copyOf(objections);
            actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        }

        public static BuiltIn of(AnalysisResult r) {
            Judgment sentiment = r.judgment("customer_sentiment", Judgment.BUILT_IN);
            Judgment trend = r.judgment("sentiment_trend", Judgment.BUILT_IN);
            return new BuiltIn(r.scorecard(), r.outcomes(), r.objections(), r.actionItems(),
                    sentiment == null ? null : sentiment.value(), trend == null ? null : trend.value());
        }
    }
}
