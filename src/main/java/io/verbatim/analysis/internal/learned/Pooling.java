package io.verbatim.analysis.internal.learned;

import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.Sentence;
import java.util.List;

/** Sentence vectors pooled into fixed-size features (the models' inputs). */
final class Pooling {

    static final int DIMENSIONS = 384;

    private Pooling() {
    }

    /** The mean of the sentences' unit vectors; zeros for none (the standardised model then reads "no evidence"). */
    static double[] mean(RuleEvaluator rules, List<Sentence> sentences) {
        double[] out = new double[DIMENSIONS];
        if (sentences.isEmpty()) {
            return out;
        }
        rules.embed(sentences);
        for (Sentence s : sentences) {
            float[] v = rules.vector(s);
            for (int d = 0; d < DIMENSIONS; d++) {
                out[d] += v[d];
            }
        }
        for (int d = 0; d < DIMENSIONS; d++) {
            out[d] /= sentences.size();
        }
        return out;
    }

    /** The element-wise maximum of the sentences' unit vectors; zeros for none. */
    static double[] max(RuleEvaluator rules, List<Sentence> sentences) {
        double[] out = new double[DIMENSIONS];
        if (sentences.isEmpty()) {
            return out;
        }
        java.util.Arrays.fill(out, -1);
        rules.embed(sentences);
        for (Sentence s : sentences) {
            float[] v = rules.vector(s);
            for (int d = 0; d < DIMENSIONS; d++) {
                out[d] = Math.max(out[d], v[d]);
            }
        }
        return out;
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** A one-hot block scaled by how sure its source is. */
    static double[] oneHot(int index, int size, double weight) {
        double[] out = new double[size];
        out[index] = weight;
        return out;
    }
}
