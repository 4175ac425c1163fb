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

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
