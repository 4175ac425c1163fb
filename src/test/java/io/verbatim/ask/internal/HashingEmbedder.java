package io.verbatim.ask.internal;

import java.util.List;
import java.util.Locale;

/** A deterministic bag-of-words embedder for tests that exercise the index, not the model. */
final class HashingEmbedder implements Embedder {

    @Override
    public String modelId() {
        return "hashing-test";
    }

    @Override
    public int dimensions() {
        return MiniLmEmbedder.DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        float[] v = new float[dimensions()];
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() > 2) {
                v[Math.floorMod(w.hashCode(), v.length)] += 1;
            }
        }
        double norm = 0;
        for (float f : v) {
            norm += f * f;
        }
        if (norm == 0) {
            v[0] = 1;
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    @Override
    public int tokens(String text) {
        return Chunker.estimateTokens(text);
    }
}
