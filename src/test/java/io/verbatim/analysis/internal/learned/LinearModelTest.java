package io.verbatim.analysis.internal.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinearModelTest {

    @Test
    void softmaxModelsStandardiseThenWeighAndSumToOne() {
        // one feature, mean 2 and scale 2: x = 4 standardises to 1, so class "b" scores 3 against "a"'s 0
        LinearModel m = new LinearModel("t", "f", false, List.of("a", "b"), new double[] {2}, new double[] {2},
                new double[][] {{0}, {3}}, new double[] {0, 0}, null);
        double[] p = m.probabilities(new double[] {4});
        assertThat(p[0] + p[1]).isCloseTo(1, within(1e-12));
        assertThat(p[1]).isCloseTo(Math.exp(3) / (1 + Math.exp(3)), within(1e-12));
        assertThat(m.probabilities(new double[] {2})[1]).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void oneVsRestModelsGiveIndependentProbabilities() {
        LinearModel m = new LinearModel("t", "f", true, List.of("a", "b"), new double[] {0}, new double[] {1},
                new double[][] {{5}, {5}}, new double[] {0, 0}, new double[] {0.5, 0.5});
        double[] p = m.probabilities(new double[] {1});
        assertThat(p[0]).isEqualTo(p[1]).isGreaterThan(0.99);
    }

    @Test
    void aModelOfOtherFeaturesOrWidthIsRefused() {
        assertThatThrownBy(() -> LinearModel.load("test-model", "not the features it was trained on"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("retrain");
        LinearModel m = LinearModel.load("test-model", "test-v1").orElseThrow();
        assertThat(m.classes()).containsExactly("no", "yes");
        assertThatThrownBy(() -> m.probabilities(new double[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThat(LinearModel.load("no-such-model", "test-v1")).isEmpty();
    }

    @Test
    void everyShippedModelMatchesTheFeaturesThisCodeBuilds() {
        assertThat(LearnedSentiment.available()).isTrue();
        for (String item : List.of("greeting", "showed_empathy", "asked_for_sale_or_booking", "value_added")) {
            LearnedScorecard.model(item); // loads (and checks the feature layout) when shipped
        }
        assertThat(LinearModel.load("customer-sentiment", LearnedSentiment.OVERALL_FEATURES).orElseThrow().dimensions())
                .isEqualTo(3 * Pooling.DIMENSIONS + 3);
        assertThat(LinearModel.load("objections", LearnedObjections.FEATURES).orElseThrow().thresholds()).hasSize(7);
        // action items and booking stay rule-based: their classifiers lost to the rules in cross-validation
        LinearModel.load("action-items", LearnedActionItems.FEATURES);
        LinearModel.load("booking-status", LearnedBooking.FEATURES);
    }
}
