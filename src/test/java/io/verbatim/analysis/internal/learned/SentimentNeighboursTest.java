package io.verbatim.analysis.internal.learned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentNeighboursTest {

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

    /** Twelve stored turns: ten near (1, 0, 0) from negative calls by writer 0, two near (0, 1, 0) from positive ones by writer 1. */
    private static SentimentNeighbours bank() {
        float[][] vectors = new float[12][];
        int[] labels = new int[12];
        int[] writers = new int[12];
        for (int i = 0; i < 10; i++) {
            vectors[i] = unit(1, 0.01 * i, 0.02);
        }
        vectors[10] = unit(0, 1, 0.1);
        vectors[11] = unit(0.05, 1, 0);
        labels[10] = 2;
        labels[11] = 2;
        writers[10] = 1;
        writers[11] = 1;
        return new SentimentNeighbours(vectors, labels, writers);
    }

    @Test
    void aTurnVotesWithItsNearestStoredTurnsAndNeverWithItsOwnOrTheHeldOutWriter() {
        SentimentNeighbours bank = bank();
        float[] sims = bank.similarities(unit(1, 0.02, 0.01));
        double[] all = bank.vote(sims, -1, -1);
        // the ten nearest: nine or ten negative turns, the positive ones nearly orthogonal weigh almost nothing
        assertThat(all[0]).isGreaterThan(0.95);
        assertThat(all[0] + all[1] + all[2]).isCloseTo(1, within(1e-9));
        // writer 0 held out: only the two positive turns are left
        double[] withoutWriter0 = bank.vote(sims, 0, -1);
        assertThat(withoutWriter0[2]).isCloseTo(1, within(1e-9));
        // nobody left: an even vote
        assertThat(bank.vote(sims, 0, 1)).containsExactly(1.0 / 3, 1.0 / 3, 1.0 / 3);
    }

    @Test
    void poolsTowardTheEndAndOverTheLastTwoTurns() {
        double[] f = SentimentNeighbours.pool(List.of(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1}),
                new double[] {0, 0.5, 1});
        // weights 0.5, 1, 1.5 over 3
        assertThat(f[0]).isCloseTo(0.5 / 3, within(1e-9));
        assertThat(f[2]).isCloseTo(1.5 / 3, within(1e-9));
        assertThat(f[3]).isZero();
        assertThat(f[4]).isCloseTo(0.5, within(1e-9));
        assertThat(f[5]).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void readsBackWhatItWrote(@TempDir Path dir) throws Exception {
        SentimentNeighbours written = bank();
        Path file = dir.resolve("s.bin.gz");
        written.write(file);
        try (InputStream in = Files.newInputStream(file)) {
            SentimentNeighbours read = SentimentNeighbours.read(in);
            assertThat(read.size()).isEqualTo(12);
            float[] turn = unit(0.3, 1, 0.02);
            assertThat(read.vote(read.similarities(turn), -1, -1)).containsExactly(written.vote(written.similarities(turn), -1, -1));
        }
    }
}
