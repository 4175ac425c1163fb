package io.verbatim.analysis.internal.learned;

/** Unit directions in 8 bits per component: the stored neighbour banks need cosine only, not magnitudes. */
final class EightBit {

    private EightBit() {
    }

    /** The direction in 8 bits: scaled so the largest component is ±127 (cosine needs no more). */
    static byte[] quantize(float[] v) {
        double max = 1e-12;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        byte[] out = new byte[v.length];
        for (int d = 0; d < v.length; d++) {
            out[d] = (byte) Math.round(v[d] / max * 127);
        }
        return out;
    }

    /** Back to a unit vector. */
    static float[] dequantize(byte[] q) {
        float[] out = new float[q.length];
        double norm = 0;
        for (byte b : q) {
            norm += b * b;
        }
        norm = Math.sqrt(norm) + 1e-12;
        for (int d = 0; d < q.length; d++) {
            out[d] = (float) (q[d] / norm);
        }
        return out;
    }
}
