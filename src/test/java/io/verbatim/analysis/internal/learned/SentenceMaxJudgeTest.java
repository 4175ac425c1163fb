package io.verbatim.analysis.internal.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SentenceMaxJudgeTest {

    /** The trainer's check inputs ({@code check_inputs} in scripts/qa-mil/mil.py), built the same way here. */
    @Test
    void theShippedJudgeGivesTheTrainersProbabilities() {
        SentenceMaxJudge judge = LearnedScorecard.sentenceJudge("showed_empathy").orElseThrow();
        assertThat(judge.checks().size()).isEqualTo(3);
        for (JsonNode check : judge.checks()) {
            int k = check.get("sentences").asInt() - 1;
            double[] pooled = new double[judge.pooledMean().length];
            for (int d = 0; d < pooled.length; d++) {
                pooled[d] = 0.05 * Math.sin(0.37 * d + k);
            }
            List<float[]> sentences = new ArrayList<>();
            for (int j = 0; j <= k; j++) {
                float[] v = new float[Pooling.DIMENSIONS];
                for (int d = 0; d < v.length; d++) {
                    v[d] = (float) (0.05 * Math.cos(0.11 * d * (j + 1) + k));
                }
                sentences.add(v);
            }
            assertThat(judge.probabilityMet(check.get("verdict").asInt(), check.get("confidence").asDouble(), pooled, sentences))
                    .isCloseTo(check.get("p_met").asDouble(), within(1e-6));
        }
    }

    @Test
    void oneSentenceCountsMoreThanItsShareOfTheMean() {
        // one input dimension weighs 1 per unit; sharpness 10: the soft maximum of {2, 0, 0, 0} is close to 2 - log(4)/10
        SentenceMaxJudge judge = new SentenceMaxJudge("t", SentenceMaxJudge.FEATURES, new double[4], 0, new double[] {0},
                new double[] {1}, new double[] {0}, new double[384], ones(), unit(), 0, 10, null);
        float[] strong = new float[384];
        strong[0] = 2;
        List<float[]> four = List.of(strong, new float[384], new float[384], new float[384]);
        double z = Math.log(judge.probabilityMet(0, 0, new double[] {0}, four) / (1 - judge.probabilityMet(0, 0, new double[] {0}, four)));
        assertThat(z).isCloseTo((20 + Math.log((1 + 3 * Math.exp(-20)) / 4)) / 10, within(1e-9)).isGreaterThan(2.0 / 4);
        assertThat(judge.probabilityMet(0, 0, new double[] {0}, List.of())).isEqualTo(0.5);
    }

    private static double[] ones() {
        double[] v = new double[384];
        java.util.Arrays.fill(v, 1);
        return v;
    }

    private static double[] unit() {
        double[] v = new double[384];
        v[0] = 1;
        return v;
    }
}
