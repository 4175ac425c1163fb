package io.verbatim.analysis.internal.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectionNeighboursTest {

    private static float[] unit(double... v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(n));
        }
        return out;
    }

    /** Twelve stored sentences: ten near (1, 0, 0) from price turns, two near (0, 1, 0) from turns with none. */
    private static ObjectionNeighbours bank(double weight) {
        float[][] vectors = new float[12][];
        int[] labels = new int[12];
        for (int i = 0; i < 10; i++) {
            vectors[i] = unit(1, 0.01 * i, 0.02);
            labels[i] = i < 8 ? 1 : 0b10;
        }
        vectors[10] = unit(0, 1, 0.1);
        vectors[11] = unit(0.05, 1, 0);
        return new ObjectionNeighbours(vectors, labels, 3, weight);
    }

    @Test
    void aTurnVotesWithItsStrongestSentencesNearestLabelledSentences() {
        // one sentence like the price pushback, one like nothing labelled: the price share of the first counts
        double[] votes = bank(0.5).votes(List.of(unit(0, 1, 0.05), unit(1, 0.02, 0.01)));
        assertThat(votes[0]).isCloseTo(0.8, within(1e-9));
        assertThat(votes[1]).isCloseTo(0.2, within(1e-9));
        assertThat(votes[2]).isZero();
        // the sentences a training fold may not see are left out
        double[] withoutPrice = bank(0.5).votes(List.of(unit(1, 0, 0)), i -> i >= 8);
        assertThat(withoutPrice[0]).isZero();
        assertThat(withoutPrice[1]).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void votesOfManyTurnsTogetherAreEachTurnsOwn() {
        ObjectionNeighbours bank = bank(0.5);
        java.util.Random r = new java.util.Random(5);
        List<List<float[]>> turns = new java.util.ArrayList<>();
        for (int t = 0; t < 40; t++) {
            List<float[]> sentences = new java.util.ArrayList<>();
            for (int s = 0; s <= t % 4; s++) {
                sentences.add(unit(r.nextGaussian(), r.nextGaussian(), r.nextGaussian()));
            }
            turns.add(sentences);
        }
        // 100 sentences: more than one group goes over the bank
        assertThat(turns.stream().mapToInt(List::size).sum()).isGreaterThan(ObjectionNeighbours.GROUP);
        List<double[]> together = bank.votesEach(turns);
        assertThat(together).hasSize(turns.size());
        for (int t = 0; t < turns.size(); t++) {
            assertThat(together.get(t)).containsExactly(bank.votes(turns.get(t)));
        }
    }

    @Test
    void blendsByItsWeightAndReadsBackWhatItWrote(@TempDir Path dir) throws Exception {
        ObjectionNeighbours written = bank(0.25);
        assertThat(written.blend(new double[] {0.4, 0, 1}, new double[] {0.8, 0.4, 0})).containsExactly(0.5, 0.1, 0.75);
        Path file = dir.resolve("n.bin.gz");
        written.write(file);
        try (InputStream in = Files.newInputStream(file)) {
            ObjectionNeighbours read = ObjectionNeighbours.read(in);
            assertThat(read.weight()).isEqualTo(0.25);
            List<float[]> turn = List.of(unit(1, 0.03, 0.01));
            assertThat(read.votes(turn)).containsExactly(written.votes(turn));
        }
    }
}
