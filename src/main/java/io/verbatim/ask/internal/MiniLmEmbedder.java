package io.verbatim.ask.internal;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) in-process through ONNX Runtime. Loaded on first use,
 * so a node that never indexes or asks never pays for it. Thread-safe. Token counts use the same
 * BERT word-piece vocabulary's usual ratio (see {@link Chunker#estimateTokens}), which keeps chunking
 * free of native code.
 */
@Component
class MiniLmEmbedder implements Embedder {

    static final int DIMENSIONS = 384;
    private volatile EmbeddingModel model;

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                m = model;
            }
        }
        return m;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model().embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    @Override
    public int tokens(String text) {
        return Chunker.estimateTokens(text);
    }
}
