package io.verbatim.analysis;

import java.util.List;

/**
 * Everything the analyst found in one conversation.
 *
 * @param scorecard  null when no scorecard applies
 * @param llm        the generative layer's output or failure; null when no LLM is configured
 * @param warnings   things the caller should know (roles guessed, no scorecard applies, ...)
 * @param judgments  every judgment with its confidence and source (built-in, LLM); with an LLM judging, a field
 *                   has both, and the LLM's (when valid) is the one that stands ({@link #decision})
 * @param llmJudging how the LLM judged and the built-in values it replaced; null when no LLM judged
 */
public record AnalysisResult(String language, ScorecardResult scorecard, List<TrackerResult> trackers,
                             CallReason callReason, List<Objection> objections, List<ActionItem> actionItems,
                             Outcomes outcomes, Kpis kpis, Summary summary, LlmAnalysis llm, List<String> warnings,
                             List<Judgment> judgments, LlmJudging llmJudging) {

    public AnalysisResult {
        trackers = trackers == null ? List.of() : List.copyOf(trackers);
        objections = objections == null ? List.of() : List.copyOf(objections);
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        judgments = judgments == null ? List.of() : List.copyOf(judgments);
    }

    /** Without an LLM's judgments (the built-in analyst's shape). */
    public AnalysisResult(String language, ScorecardResult scorecard, List<TrackerResult> trackers, CallReason callReason,
                          List<Objection> objections, List<ActionItem> actionItems, Outcomes outcomes, Kpis kpis,
                          Summary summary, LlmAnalysis llm, List<String> warnings, List<Judgment> judgments) {
        this(language, scorecard, trackers, callReason, objections, actionItems, outcomes, kpis, summary, llm, warnings,
                judgments, null);
    }

    /** The judgment of a field ({@code booking_status}, {@code qa.greeting}, ...), or null when none was made. */
    public Judgment judgment(String field) {
        return judgments.stream().filter(j -> j.field().equals(field)).findFirst().orElse(null);
    }

    /** The judgment of a field by one source ({@link Judgment#BUILT_IN}, {@link Judgment#LLM}), or null. */
    public Judgment judgment(String field, String source) {
        return judgments.stream().filter(j -> j.field().equals(field) && j.source().equals(source)).findFirst().orElse(null);
    }

    /** The judgment that stands for a field: the LLM's when it gave one validly, else the built-in one; null when none. */
    public Judgment decision(String field) {
        Judgment llm = judgment(field, Judgment.LLM);
        return llm != null ? llm : judgment(field);
    }

    /**
     * The fields whose standing judgment ({@link #decision}) is below {@link Judgment#REVIEW_BELOW}: what a
     * person should check.
     */
    public List<String> needsReview() {
        return judgments.stream().map(Judgment::field).distinct().filter(f -> decision(f).lowConfidence()).toList();
    }

    public AnalysisResult withLlm(LlmAnalysis value) {
        return new AnalysisResult(language, scorecard, trackers, callReason, objections, actionItems, outcomes, kpis,
                summary, value, warnings, judgments, llmJudging);
    }
}
