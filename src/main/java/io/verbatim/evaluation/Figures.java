package io.verbatim.evaluation;

import java.util.Map;

/**
 * The figures of one set of conversations.
 *
 * @param conversations analysed conversations scored
 * @param fields        per field (customer_sentiment, call_reason, kpis.resolution, qa.greeting, ...)
 * @param matches       objections, action_items, pii (all scored types) and pii.TYPE
 * @param judged        per field and judgment source (built_in, llm): the judgments' values scored
 *                      against gold; only when the analysis carries LLM judgments
 * @param calibration   per field (and "field (llm)"): accuracy of high- vs low-confidence judgments
 */
public record Figures(int conversations, Map<String, FieldScore> fields, Map<String, MatchScore> matches,
                      Map<String, Map<String, FieldScore>> judged, Map<String, Calibration> calibration) {
}
