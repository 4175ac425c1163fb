package io.verbatim.analysis;

import java.util.List;

/**
 * Everything the analyst found in one conversation.
 *
 * @param scorecard  null when no scorecard applies
 * @param llm        the generative layer's output or failure; null when no LLM is configured
 * @param warnings   things the caller should know (roles guessed, no scorecard applies, ...)
 */
public record AnalysisResult(String language, ScorecardResult scorecard, List<TrackerResult> trackers,
                             CallReason callReason, List<Objection> objections, List<ActionItem> actionItems,
                             Outcomes outcomes, Kpis kpis, Summary summary, LlmAnalysis llm, List<String> warnings) {

    public AnalysisResult {
        trackers = trackers == null ? List.of() : List.copyOf(trackers);
        objections = objections == null ? List.of() : List.copyOf(objections);
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public AnalysisResult withLlm(LlmAnalysis value) {
        return new AnalysisResult(language, scorecard, trackers, callReason, objections, actionItems, outcomes, kpis,
                summary, value, warnings);
    }
}
