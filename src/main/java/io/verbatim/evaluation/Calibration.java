package io.verbatim.evaluation;

/**
 * How well a field's confidence separates right from wrong: accuracy of its high- and low-confidence
 * judgments ({@code low_confidence} as the analyst flagged it). Accuracies are null when a bucket is empty.
 */
public record Calibration(int high, int highCorrect, Double highAccuracy, int low, int lowCorrect, Double lowAccuracy) {

    public static Calibration of(int high, int highCorrect, int low, int lowCorrect) {
        return new Calibration(high, highCorrect, high == 0 ? null : (double) highCorrect / high,
                low, lowCorrect, low == 0 ? null : (double) lowCorrect / low);
    }
}
