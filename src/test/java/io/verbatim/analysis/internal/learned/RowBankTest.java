package io.verbatim.analysis.internal.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowBankTest {

    /** Rows over more than two blocks, the last one partial, like the shipped banks (3,425 and 7,078 rows). */
    private static final int ROWS = 2 * RowBank.BLOCK + 77;
    private static final int DIMS = 384;

    private static float[][] random(Random r, int n) {
        float[][] v = new float[n][DIMS];
        for (float[] row : v) {
            for (int d = 0; d < DIMS; d++) {
                row[d] = (float) r.nextGaussian() / 20;
            }
        }
        return v;
    }

    @Test
    void dotProductsAreBitForBitThoseOfThePlainLoop() {
        Random r = new Random(19);
        float[][] rows = random(r, ROWS);
        List<float[]> queries = List.of(random(r, 3));
        RowBank bank = new RowBank(rows);
        float[][] f = bank.floatDots(queries);
        double[][] g = bank.doubleDots(queries);
        for (int k = 0; k < queries.size(); k++) {
            float[] q = queries.get(k);
            for (int i = 0; i < ROWS; i++) {
                float fs = 0;
                double ds = 0;
                for (int d = 0; d < DIMS; d++) {
                    fs += q[d] * rows[i][d];
                    ds += q[d] * rows[i][d];
                }
                assertThat(Float.floatToRawIntBits(f[k][i])).as("float row %d", i).isEqualTo(Float.floatToRawIntBits(fs));
                assertThat(Double.doubleToRawLongBits(g[k][i])).as("double row %d", i).isEqualTo(Double.doubleToRawLongBits(ds));
            }
        }
    }

    @Test
    void givesTheRowsBack() {
        float[][] rows = random(new Random(7), RowBank.BLOCK + 5);
        assertThat(new RowBank(rows).toRows()).isDeepEqualTo(rows);
    }
}
