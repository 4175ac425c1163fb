package io.verbatim.analysis.internal.learned;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code k} rows of a {@link RowBank} nearest each query, exactly as a scan of the bank's own sums finds them
 * (the same rows, the same order, the same similarities), for a fraction of the work: a first pass scores every row
 * from 8-bit codes in float (a quarter of the memory, twice the lanes of the double sums), and only the rows that
 * pass could still be among the nearest under a proven bound on the first pass' error get their exact sums.
 *
 * <p>Why the result cannot differ. For a query q and row r with codes c and scale s ({@code r ≈ s c}), the first
 * pass' value a and the exact sum e both lie within their rounding error of the real q·r: float sums of D products
 * are off by at most γ_D Σ|q_d x_d| (γ_D = D u / (1 - D u), u = 2^-24), Σ|q_d x_d| ≤ |q| |x| (Cauchy-Schwarz), and
 * the codes add at most max|q_d| Σ|r_d - s c_d|. So |a - e| ≤ E (taken twice over). With T the k-th largest a, at
 * least k rows have e ≥ T - E, so every row among the k nearest by e has a ≥ T - 2E; rows below that are never
 * among them, even on ties. The exact scan over the remaining rows, in row order, is the full scan's.
 */
final class NearestRows {

    /** The nearest rows, best first (ties: the lower row first), and their exact similarities. */
    record Found(int[] rows, double[] similarities) {
    }

    private static final double UNIT = Math.ulp(1.0f) / 2;
    /** Remembered answers at most (recurring short replies: a few hundred distinct ones in practice). */
    static final int MEMO_LIMIT = 4096;

    private final RowBank bank;
    private final int k;
    private final boolean floatSums;
    /** The answers for queries the caller marks as recurring, by the query's components. */
    private final Map<Query, Found> memo = new ConcurrentHashMap<>();
    private final byte[][] codes;
    private final double[] scale;
    /** Largest |r| + s |c| over the rows, and largest Σ|r_d - s c_d|: the error bound's row terms. */
    private final double maxNorms;
    private final double maxCodeError;
    private final double gamma;

    /**
     * @param k         how many nearest rows
     * @param floatSums whether similarities are {@link RowBank#floatDots} (else {@link RowBank#doubleDots})
     */
    NearestRows(RowBank bank, int k, boolean floatSums) {
        this.bank = bank;
        this.k = k;
        this.floatSums = floatSums;
        int rows = bank.rows();
        int dims = bank.dims();
        this.scale = new double[rows];
        this.codes = new byte[(rows + RowBank.BLOCK - 1) / RowBank.BLOCK][];
        double norms = 0;
        double codeError = 0;
        for (int b = 0; b < codes.length; b++) {
            int from = b * RowBank.BLOCK;
            int len = Math.min(RowBank.BLOCK, rows - from);
            byte[] block = new byte[dims * len];
            for (int i = 0; i < len; i++) {
                float[] r = bank.row(from + i);
                byte[] c = EightBit.quantize(r);
                double rc = 0;
                double cc = 0;
                double rr = 0;
                for (int d = 0; d < dims; d++) {
                    rc += r[d] * (double) c[d];
                    cc += c[d] * (double) c[d];
                    rr += r[d] * (double) r[d];
                    block[d * len + i] = c[d];
                }
                double s = cc == 0 ? 0 : rc / cc;
                double error = 0;
                for (int d = 0; d < dims; d++) {
                    error += Math.abs(r[d] - s * c[d]);
                }
                scale[from + i] = s;
                norms = Math.max(norms, Math.sqrt(rr) + s * Math.sqrt(cc));
                codeError = Math.max(codeError, error);
            }
            codes[b] = block;
        }
        this.maxNorms = norms;
        this.maxCodeError = codeError;
        this.gamma = dims * UNIT / (1 - dims * UNIT);
    }

    /**
     * Per query, its {@code k} nearest rows by similarity, as the scan {@code if (s > k-th best) insert after equal
     * values} keeps them. Queries marked {@code recurring} (replies the embedder memoises, so the same vector comes
     * back call after call) are answered from memory once seen: the answer is a function of the vector alone.
     */
    List<Found> find(List<float[]> queries, boolean[] recurring) {
        Found[] out = new Found[queries.size()];
        List<float[]> fresh = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int q = 0; q < out.length; q++) {
            out[q] = recurring[q] ? memo.get(new Query(queries.get(q))) : null;
            if (out[q] == null) {
                fresh.add(queries.get(q));
                at.add(q);
            }
        }
        double[][] approx = firstPass(fresh);
        for (int f = 0; f < fresh.size(); f++) {
            int q = at.get(f);
            out[q] = exact(fresh.get(f), approx[f], k, floatSums);
            if (recurring[q]) {
                if (memo.size() >= MEMO_LIMIT) {
                    memo.clear();
                }
                memo.put(new Query(fresh.get(f).clone()), out[q]);
            }
        }
        return List.of(out);
    }

    /** {@link #find(List, boolean[])} with nothing remembered. */
    List<Found> find(List<float[]> queries) {
        return find(queries, new boolean[queries.size()]);
    }

    /** A query vector compared by its components. */
    private record Query(float[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Query other && Arrays.equals(v, other.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }

    private double[][] firstPass(List<float[]> queries) {
        int rows = bank.rows();
        int dims = bank.dims();
        double[][] out = new double[queries.size()][rows];
        float[] sums = new float[RowBank.BLOCK];
        for (int b = 0; b < codes.length; b++) {
            byte[] block = codes[b];
            int from = b * RowBank.BLOCK;
            int len = Math.min(RowBank.BLOCK, rows - from);
            for (int k = 0; k < out.length; k++) {
                float[] q = queries.get(k);
                Arrays.fill(sums, 0, len, 0);
                for (int d = 0; d < dims; d++) {
                    addCodes(q[d], block, d * len, sums, len);
                }
                double[] a = out[k];
                for (int i = 0; i < len; i++) {
                    a[from + i] = sums[i] * scale[from + i];
                }
            }
        }
        return out;
    }

    /** {@code sums[i] += qd * x[at + i]}: bytes into float sums (distinct array types, so the JIT vectorises it). */
    private static void addCodes(float qd, byte[] x, int at, float[] sums, int len) {
        for (int i = 0; i < len; i++) {
            sums[i] += qd * x[at + i];
        }
    }

    private Found exact(float[] q, double[] approx, int k, boolean floatSums) {
        double threshold = Double.NEGATIVE_INFINITY;
        if (approx.length > k) {
            double bound = 2 * errorBound(q);
            threshold = Double.isFinite(bound) ? kthLargest(approx, k) - 2 * bound : Double.NEGATIVE_INFINITY;
        }
        TopK top = new TopK(Math.min(k, approx.length));
        for (int r = 0; r < approx.length; r++) {
            if (!(approx[r] >= threshold) && threshold != Double.NEGATIVE_INFINITY) {
                continue;
            }
            top.offer(floatSums ? bank.floatDot(q, r) : bank.doubleDot(q, r), r);
        }
        return new Found(top.rows(), top.values());
    }

    /** |first pass - exact sum| for any row, per the class comment (plus slack for the double arithmetic). */
    private double errorBound(float[] q) {
        double norm = 0;
        double max = 0;
        for (float x : q) {
            norm += x * (double) x;
            max = Math.max(max, Math.abs(x));
        }
        return gamma * Math.sqrt(norm) * maxNorms + max * maxCodeError * (1 + 1e-6) + 1e-12;
    }

    private static double kthLargest(double[] values, int k) {
        TopK top = new TopK(k);
        for (int i = 0; i < values.length; i++) {
            top.offer(values[i], i);
        }
        return top.value(k - 1);
    }
}
