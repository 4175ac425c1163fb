package io.verbatim.evaluation;

/** A similarity of two short texts in 0..1 (e.g. embedding cosine); {@link #NONE} leaves only word overlap. */
@FunctionalInterface
public interface TextSimilarity {

    TextSimilarity NONE = (a, b) -> 0;

    double similarity(String a, String b);

    /** Cosine of in-process MiniLM sentence embeddings (the model loads on first use). */
    static TextSimilarity miniLm() {
        return new io.verbatim.evaluation.scoring.MiniLmSimilarity();
    }
}
