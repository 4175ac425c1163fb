package io.verbatim.analysis.internal.learned;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectionDetectorTest {

    private static final double[] THRESHOLDS = {0.3, 0.2, 0.1};

    @Test
    void aTurnTheDetectorPassesOverSaysNothingWhateverTheCategories() {
        assertThat(ObjectionDetector.decide(new double[] {0.9, 0.9, 0.9}, THRESHOLDS, 0.29, 0.3)).containsExactly(false, false, false);
    }

    @Test
    void aDetectedTurnTakesTheCategoryFurthestAboveItsThresholdEvenBelowIt() {
        // 0.15 / 0.3 = 0.5 < 0.09 / 0.1 = 0.9 > 0.1 / 0.2 = 0.5: the third, though none passes its own threshold
        assertThat(ObjectionDetector.decide(new double[] {0.15, 0.1, 0.09}, THRESHOLDS, 0.3, 0.3)).containsExactly(false, false, true);
    }

    @Test
    void aDetectedTurnKeepsEveryOtherCategoryThatPassesByItself() {
        assertThat(ObjectionDetector.decide(new double[] {0.6, 0.25, 0.0}, THRESHOLDS, 0.8, 0.3)).containsExactly(true, true, false);
    }
}
