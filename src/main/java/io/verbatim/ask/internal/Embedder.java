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

    /** Model tokens in {@code text}, as the model counts them (for chunk sizing). */
    int tokens(String text);
}
