package io.verbatim.ask.internal;

import java.util.List;

/** Turns text into unit-length vectors (dot product = cosine similarity). */
interface Embedder {

    int dimensions();

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);

    /** Model tokens in {@code text}, as the model counts them (for chunk sizing). */
    int tokens(String text);
}
