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

    /** Per query, {@code sum over d of q[d] * row[d]} for every row, summed in float (the sentiment bank's arithmetic). */
    float[][] floatDots(List<float[]> queries) {
        float[][] out = new float[queries.size()][rows];
        for (int b = 0; b < blocks.length; b++) {
            float[] block = blocks[b];
            int from = b * BLOCK;
            int len = Math.min(BLOCK, rows - from);
            for (int k = 0; k < out.length; k++) {
                float[] q = queries.get(k);
                float[] o = out[k];
                for (int d = 0; d < dims; d++) {
                    float qd = q[d];
                    int at = d * len;
                    for (int i = 0; i < len; i++) {
                        o[from + i] += qd * block[at + i];
                    }
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
                double[] o = out[k];
                for (int d = 0; d < dims; d++) {
                    float qd = q[d];
                    int at = d * len;
                    for (int i = 0; i < len; i++) {
                        o[from + i] += qd * block[at + i];
                    }
                }
            }
        }
        return out;
    }
}
