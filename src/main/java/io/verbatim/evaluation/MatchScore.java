package io.verbatim.evaluation;

/** Precision, recall and F1 of matched items (objections, action items, PII spans, one class of a field). */
public record MatchScore(int truePositives, int predicted, int gold, double precision, double recall, double f1) {

    public static MatchScore of(int truePositives, int predicted, int gold) {
        double p = predicted == 0 ? (gold == 0 ? 1 : 0) : (double) truePositives / predicted;
        double r = gold == 0 ? (predicted == 0 ? 1 : 0) : (double) truePositives / gold;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new MatchScore(truePositives, predicted, gold, p, r, f);
    }
}
