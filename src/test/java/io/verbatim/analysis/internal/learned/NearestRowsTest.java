package io.verbatim.analysis.internal.learned;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearestRowsTest {

    private static final int DIMS = 384;
    private static final int K = 10;

    /** 8-bit directions, as the shipped banks store them. */
    private static float[][] bank(Random r, int n) {
        float[][] v = new float[n][DIMS];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < DIMS; d++) {
                v[i][d] = (float) r.nextGaussian();
            }
            v[i] = EightBit.dequantize(EightBit.quantize(v[i]));
        }
        return v;
    }

    /** The scan the neighbour banks ran before: every row's sum, insert when above the k-th, after equal values. */
    private static NearestRows.Found scan(RowBank bank, float[] q, int k, boolean floatSums) {
        int n = Math.min(k, bank.rows());
        double[] top = new double[n];
        int[] who = new int[n];
        java.util.Arrays.fill(top, Double.NEGATIVE_INFINITY);
        double[] dots = floatSums ? toDouble(bank.floatDots(List.of(q))[0]) : bank.doubleDots(List.of(q))[0];
        for (int i = 0; i < dots.length; i++) {
            double s = dots[i];
            if (n == 0 || s <= top[n - 1]) {
                continue;
            }
            int at = n - 1;
            while (at > 0 && top[at - 1] < s) {
                top[at] = top[at - 1];
                who[at] = who[at - 1];
                at--;
            }
            top[at] = s;
            who[at] = i;
        }
        return new NearestRows.Found(who, top);
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static void assertSameAsScan(float[][] rows, List<float[]> queries) {
        RowBank bank = new RowBank(rows);
        for (boolean floatSums : new boolean[] {true, false}) {
            List<NearestRows.Found> found = new NearestRows(bank, K, floatSums).find(queries);
            for (int q = 0; q < queries.size(); q++) {
                NearestRows.Found expected = scan(bank, queries.get(q), K, floatSums);
                assertThat(found.get(q).rows()).as("rows, query %d", q).containsExactly(expected.rows());
                assertThat(found.get(q).similarities()).as("similarities, query %d", q).containsExactly(expected.similarities());
            }
        }
    }

    @Test
    void findsTheRowsTheFullScanFinds() {
        Random r = new Random(19);
        float[][] rows = bank(r, 2 * RowBank.BLOCK + 77);
        List<float[]> queries = new ArrayList<>();
        for (float[] q : bank(r, 20)) {
            queries.add(q);
        }
        // queries close to stored rows: their nearest are tight clusters
        for (int i = 0; i < 20; i++) {
            float[] q = rows[r.nextInt(rows.length)].clone();
            q[r.nextInt(DIMS)] += 0.01f;
            queries.add(q);
        }
        assertSameAsScan(rows, queries);
    }

    @Test
    void tiesAndNearTiesKeepTheScansOrder() {
        Random r = new Random(3);
        float[][] base = bank(r, 40);
        float[][] rows = new float[600][];
        for (int i = 0; i < rows.length; i++) {
            // exact duplicates and rows one ulp apart in a component: equal or nearly equal similarities
            rows[i] = base[i % base.length].clone();
            if (i % 3 == 1) {
                rows[i][i % DIMS] = Math.nextUp(rows[i][i % DIMS]);
            }
        }
        assertSameAsScan(rows, List.of(base[0], base[7], rows[301]));
    }

    @Test
    void fewerRowsThanNeighbours() {
        Random r = new Random(5);
        float[][] rows = bank(r, K - 3);
        assertSameAsScan(rows, List.of(bank(r, 2)));
        assertSameAsScan(new float[0][], List.of(bank(r, 1)));
    }

    @Test
    void remembersRecurringQueriesByTheirComponents() {
        Random r = new Random(11);
        float[][] rows = bank(r, RowBank.BLOCK + 9);
        RowBank bank = new RowBank(rows);
        NearestRows nearest = new NearestRows(bank, K, false);
        float[] reply = bank(r, 1)[0];
        float[] other = reply.clone();
        other[0] = -other[0];
        nearest.find(List.of(reply), new boolean[] {true});
        // a new array with the same components is answered from memory; a different vector is not confused with it
        List<NearestRows.Found> again = nearest.find(List.of(reply.clone(), other), new boolean[] {true, true});
        for (int q = 0; q < 2; q++) {
            NearestRows.Found expected = scan(bank, q == 0 ? reply : other, K, false);
            assertThat(again.get(q).rows()).containsExactly(expected.rows());
            assertThat(again.get(q).similarities()).containsExactly(expected.similarities());
        }
    }
}
