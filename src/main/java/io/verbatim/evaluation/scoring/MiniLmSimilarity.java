package io.verbatim.evaluation.scoring;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.verbatim.evaluation.TextSimilarity;

/** Cosine of MiniLM embeddings, the action-item matcher's second test (loaded on first use). */
public final class MiniLmSimilarity implements TextSimilarity {

    private EmbeddingModel model;

    @Override
    public synchronized double similarity(String a, String b) {
        if (model == null) {
            model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        float[] x = model.embed(a).content().vector();
        float[] y = model.embed(b).content().vector();
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return nx == 0 || ny == 0 ? 0 : dot / Math.sqrt(nx * ny);
    }
}
