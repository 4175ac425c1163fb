package io.verbatim.analysis.internal.learned;

import java.util.List;

/**
 * A neighbour bank's rows laid out for many dot products at once: in blocks of {@link #BLOCK} rows, component by
 * component ({@code block[d * rows + i]}). Each row's sum still runs over the components in order 0, 1, 2, ... with a
 * separate multiply and add, exactly as the plain loop {@code s += q[d] * row[d]} does, so every result is identical
 * to it bit for bit; the difference is that the inner loop runs across rows, which the JIT turns into vector
 * instructions, and a block stays in cache while all the queries of a call pass over it.
 */
final class RowBank {

    /** 512 rows of 384 floats: 768 KiB, a block every query of a call reads while it is still in cache. */
    static final int BLOCK = 512;

    private final int rows;
    private final int dims;
    private final float[][] blocks;

    RowBank(float[][] vectors) {
        this.rows = vectors.length;
        this.dims = rows == 0 ? 0 : vectors[0].length;
        this.blocks = new float[(rows + BLOCK - 1) / BLOCK][];
        for (int b = 0; b < blocks.length; b++) {
            int from = b * BLOCK;
            int len = Math.min(BLOCK, rows - from);
            float[] block = new float[dims * len];
            for (int i = 0; i < len; i++) {
                float[] v = vectors[from + i];
                for (int d = 0; d < dims; d++) {
                    block[d * len + i] = v[d];
                }
            }
            blocks[b] = block;
        }
    }

    int rows() {
        return rows;
    }

    /** The rows as given (for writing the bank). */
    float[][] toRows() {
        float[][] out = new float[rows][dims];
        for (int r = 0; r < rows; r++) {
            int b = r / BLOCK;
            int len = Math.min(BLOCK, rows - b * BLOCK);
            for (int d = 0; d < dims; d++) {
                out[r][d] = blocks[b][d * len + r - b * BLOCK];
            }
        }
        return out;
    }

    int dims() {
        return dims;
    }

    /** Row {@code r} as given. */
    float[] row(int r) {
        int b = r / BLOCK;
        int len = Math.min(BLOCK, rows - b * BLOCK);
        float[] out = new float[dims];
        for (int d = 0; d < dims; d++) {
            out[d] = blocks[b][d * len + r - b * BLOCK];
        }
        return out;
    }

    /** One row's {@link #floatDots} value: the same products added in the same order, so the same float. */
    float floatDot(float[] q, int r) {
        int b = r / BLOCK;
        int len = Math.min(BLOCK, rows - b * BLOCK);
        float[] block = blocks[b];
        float s = 0;
        for (int d = 0, at = r - b * BLOCK; d < dims; d++, at += len) {
            s += q[d] * block[at];
        }
        return s;
    }

    /** One row's {@link #doubleDots} value, likewise bit for bit. */
    double doubleDot(float[] q, int r) {
        int b = r / BLOCK;
        int len = Math.min(BLOCK, rows - b * BLOCK);
        float[] block = blocks[b];
        double s = 0;
        for (int d = 0, at = r - b * BLOCK; d < dims; d++, at += len) {
            s += q[d] * block[at];
        }
        return s;
    }

    /** Per query, {@code sum over d of q[d] * row[d]} for every row, summed in float (the sentiment bank's arithmetic). */
    float[][] floatDots(List<float[]> queries) {
        float[][] out = new float[queries.size()][rows];
        double[] sums = new double[BLOCK];
        for (int b = 0; b < blocks.length; b++) {
            float[] block = blocks[b];
            int from = b * BLOCK;
            int len = Math.min(BLOCK, rows - from);
            for (int k = 0; k < out.length; k++) {
                float[] q = queries.get(k);
                java.util.Arrays.fill(sums, 0, len, 0);
                for (int d = 0; d < dims; d++) {
                    addFloat(q[d], block, d * len, sums, len);
                }
                for (int i = 0; i < len; i++) {
                    out[k][from + i] = (float) sums[i];
                }
            }
        }
        return out;
    }

    /** Per query, the float products {@code q[d] * row[d]} summed in double for every row (the objection bank's). */
    double[][] doubleDots(List<float[]> queries) {
        double[][] out = new double[queries.size()][rows];
        for (int b = 0; b < blocks.length; b++) {
            float[] block = blocks[b];
            int from = b * BLOCK;
            int len = Math.min(BLOCK, rows - from);
            for (int k = 0; k < out.length; k++) {
                float[] q = queries.get(k);
                for (int d = 0; d < dims; d++) {
                    addDouble(q[d], block, d * len, out[k], from, len);
                }
            }
        }
        return out;
    }

    /**
     * {@code sums[i] += qd * x[at + i]} in float, the sums held in doubles: the double sum of two floats rounded to
     * float is exactly their float sum (53 >= 2 x 24 + 2 bits, so the double rounding is harmless), and this form,
     * unlike a float[] accumulator, the JIT turns into vector instructions.
     */
    private static void addFloat(float qd, float[] x, int at, double[] sums, int len) {
        for (int i = 0; i < len; i++) {
            sums[i] = (float) (sums[i] + qd * x[at + i]);
        }
    }

    /** {@code sums[to + i] += qd * x[at + i]}: a float product added to a double sum (a small loop the JIT vectorises). */
    private static void addDouble(float qd, float[] x, int at, double[] sums, int to, int len) {
        for (int i = 0; i < len; i++) {
            sums[to + i] += qd * x[at + i];
        }
    }
}
