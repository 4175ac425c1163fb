package io.verbatim.analysis;

import java.util.List;

/**
 * Everything the analyst found in one conversation.
 *
 * @param scorecard  null when no scorecard applies
 * @param llm        the generative layer's output or failure; null when no LLM is configured
 * @param warnings   things the caller should know (roles guessed, no scorecard applies, ...)
 * @param judgments  every judgment with its confidence and source (built-in, LLM)
 */
public record AnalysisResult(String language, ScorecardResult scorecard, List<TrackerResult> trackers,
                             CallReason callReason, List<Objection> objections, List<ActionItem> actionItems,
                             Outcomes outcomes, Kpis kpis, Summary summary, LlmAnalysis llm, List<String> warnings,
                             List<Judgment> judgments) {

    public AnalysisResult {
        trackers = trackers == null ? List.of() : List.copyOf(trackers);
        objections = objections == null ? List.of() : List.copyOf(objections);
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        judgments = judgments == null ? List.of() : List.copyOf(judgments);
    }

    /** The judgment of a field ({@code booking_status}, {@code qa.greeting}, ...), or null when none was made. */
    public Judgment judgment(String field) {
        return judgments.stream().filter(j -> j.field().equals(field)).findFirst().orElse(null);
    }

    /** The fields whose judgment is below {@link Judgment#REVIEW_BELOW}: what a person should check. */
    public List<String> needsReview() {
        return judgments.stream().filter(Judgment::lowConfidence).map(Judgment::field).toList();
    }

    public AnalysisResult withLlm(LlmAnalysis value) {
        return new AnalysisResult(language, scorecard, trackers, callReason, objections, actionItems, outcomes, kpis,
                summary, value, warnings, judgments);
    }
}
