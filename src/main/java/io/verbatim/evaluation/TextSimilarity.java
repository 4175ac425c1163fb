package io.verbatim.evaluation;

/** A similarity of two short texts in 0..1 (e.g. embedding cosine); {@link #NONE} leaves only word overlap. */
@FunctionalInterface
public interface TextSimilarity {

    TextSimilarity NONE = (a, b) -> 0;

    double similarity(String a, String b);
}
