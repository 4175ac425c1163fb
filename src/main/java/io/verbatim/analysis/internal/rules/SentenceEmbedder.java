package io.verbatim.analysis.internal.rules;

import java.util.List;

/** Unit-length sentence embeddings (cosine = dot product). */
public interface SentenceEmbedder {

    List<float[]> embedAll(List<String> texts);

    /** Embeddings of texts that recur across conversations (a config's example utterances); may be memoised. */
    default List<float[]> embedExamples(List<String> texts) {
        return embedAll(texts);
    }

    /** The best cosine of {@code v} with any of the prototypes (-1 when there are none). */
    static double best(float[] v, List<float[]> prototypes) {
        double best = -1;
        for (float[] p : prototypes) {
            best = Math.max(best, cosine(v, p));
        }
        return best;
    }

    /**
     * Four independent float sums rather than one double chain: the JIT does not vectorise an ordered
     * floating-point reduction, and this is the analysis' innermost loop (every sentence against every
     * prototype). Float error over 384 dimensions is far below any threshold's resolution.
     */
    static double cosine(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int n = Math.min(a.length, b.length);
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
