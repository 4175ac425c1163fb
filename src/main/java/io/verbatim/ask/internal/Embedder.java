package io.verbatim.ask.internal;

import java.util.List;

/** Turns text into unit-length vectors (dot product = cosine similarity). */
interface Embedder {

    /** Which model: vectors of two models are never compared (passages record it, the replica checks it). */
    String modelId();

    int dimensions();

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    /**
     * The cosine below which a passage only the vector search found is not an answer, for this model: cosines of two
     * models are not on one scale. {@code configured} is {@code verbatim.ask.min-similarity}, set for MiniLM.
     */
    default double minSimilarity(double configured) {
        return configured;
    }

    /**
     * The vector list's weight in the hybrid fusion, BM25's being 1. 0.1 for both models: chosen by 5-fold cross-validation
     * over the tuning document questions and the calls question set together ({@code scripts/bench.sh fusion-cv},
     * docs/documents.md "Session 13"); equal weights (plain RRF) let the vector list push right BM25 hits out of the top 5.
     */
    default double vectorWeight() {
        return 0.1;
    }

    /** The fusion's constant k for this model; {@code configured} is {@code verbatim.ask.rrf-k}, chosen for MiniLM. */
    default int rrfK(int configured) {
        return configured;
    }

    /** Model tokens in {@code text}, as the model counts them (for chunk sizing). */
    int tokens(String text);
}
