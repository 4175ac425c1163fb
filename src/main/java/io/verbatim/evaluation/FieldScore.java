package io.verbatim.evaluation;

import java.util.Map;

/**
 * A field compared value by value ({@code "null"} stands for a null value).
 *
 * @param withinOne  for customer effort: how many were off by at most one (null for other fields)
 * @param confusion  gold value -> predicted value -> count (null where values are numbers, e.g. deal_value)
 * @param classes    per gold/predicted value: precision, recall, F1 of that value
 */
public record FieldScore(int scored, int correct, double accuracy, Integer withinOne,
                         Map<String, Map<String, Integer>> confusion, Map<String, MatchScore> classes) {
}
