package io.verbatim.evaluation.scoring;

import io.verbatim.evaluation.FieldScore;
import io.verbatim.evaluation.MatchScore;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** Value-by-value comparisons of one field: accuracy, confusion matrix, per-value P/R/F1. */
final class Tally {

    private final boolean confusion;
    private final Map<String, Map<String, Integer>> matrix = new TreeMap<>();
    private int scored;
    private int correct;
    private int withinOne;
    private boolean numeric;

    Tally(boolean confusion) {
        this.confusion = confusion;
    }

    void add(String gold, String predicted, boolean isCorrect) {
        scored++;
        correct += isCorrect ? 1 : 0;
        matrix.computeIfAbsent(gold, k -> new TreeMap<>()).merge(predicted, 1, Integer::sum);
    }

    void add(String gold, String predicted) {
        add(gold, predicted, Objects.equals(gold, predicted));
    }

    /** Customer effort: exact, and off by at most one. */
    void addEffort(Integer gold, Integer predicted) {
        numeric = true;
        add(String.valueOf(gold), String.valueOf(predicted));
        if (gold != null && predicted != null && Math.abs(gold - predicted) <= 1 || gold == null && predicted == null) {
            withinOne++;
        }
    }

    boolean isEmpty() {
        return scored == 0;
    }

    FieldScore score() {
        Map<String, MatchScore> classes = new TreeMap<>();
        TreeSet<String> values = new TreeSet<>(matrix.keySet());
        matrix.values().forEach(row -> values.addAll(row.keySet()));
        for (String v : values) {
            int tp = matrix.getOrDefault(v, Map.of()).getOrDefault(v, 0);
            int gold = matrix.getOrDefault(v, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            int predicted = matrix.values().stream().mapToInt(row -> row.getOrDefault(v, 0)).sum();
            classes.put(v, MatchScore.of(tp, predicted, gold));
        }
        return new FieldScore(scored, correct, scored == 0 ? 0 : (double) correct / scored, numeric ? withinOne : null,
                confusion ? matrix : null, confusion ? classes : null);
    }
}
