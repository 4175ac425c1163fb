package io.verbatim.analysis.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.analysis.internal.learned.LinearModel;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trainer behind the analyst's models learns what it is shown, and its penalty shrinks the weights. */
class LogisticTest {

    @Test
    void learnsThreeClassesSeparatedByTheirFeaturesAndIgnoresNoise() {
        Random random = new Random(7);
        int n = 300;
        double[][] x = new double[n][3];
        double[][] y = new double[n][3];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[i][0] = (c == 0 ? -2 : c == 1 ? 0 : 2) + random.nextGaussian() * 0.4;
            x[i][1] = random.nextGaussian();
            x[i][2] = c == 2 ? 1 : 0;
            y[i][c] = 1;
        }
        LinearModel m = Logistic.train("t", "f", List.of("a", "b", "c"), x, y, 0.01, false, true, null);
        int right = 0;
        for (int i = 0; i < n; i++) {
            right += LinearModel.argmax(m.probabilities(x[i])) == i % 3 ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo(290);
        // the noise feature carries little weight next to the informative one
        assertThat(Math.abs(m.weights()[0][1])).isLessThan(Math.abs(m.weights()[0][0]) / 3);
        LinearModel strong = Logistic.train("t", "f", List.of("a", "b", "c"), x, y, 10, false, true, null);
        assertThat(Math.abs(strong.weights()[2][0])).isLessThan(Math.abs(m.weights()[2][0]));
    }

    @Test
    void oneVsRestLearnsLabelsThatCoOccur() {
        int n = 200;
        double[][] x = new double[n][2];
        double[][] y = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = i % 2;
            x[i][1] = (i / 2) % 2;
            y[i][0] = x[i][0];
            y[i][1] = x[i][1];
        }
        LinearModel m = Logistic.train("t", "f", List.of("p", "q"), x, y, 0.01, true, false, new double[] {0.5, 0.5});
        double[] both = m.probabilities(new double[] {1, 1});
        double[] none = m.probabilities(new double[] {0, 0});
        assertThat(both[0]).isGreaterThan(0.9);
        assertThat(both[1]).isGreaterThan(0.9);
        assertThat(none[0]).isLessThan(0.1);
        assertThat(none[1]).isLessThan(0.1);
    }
}
