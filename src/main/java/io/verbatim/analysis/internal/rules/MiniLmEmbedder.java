package io.verbatim.analysis.internal.rules;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process all-MiniLM-L6-v2 (quantised, ONNX) through LangChain4j. Segments are embedded on the
 * calling thread (callers parallelise by conversation). Example utterances from configs repeat across
 * conversations, so texts marked {@code cached} are kept (bounded).
 */
public final class MiniLmEmbedder implements SentenceEmbedder {

    private static final int CACHE_LIMIT = 20_000;

    private final EmbeddingModel model;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    public MiniLmEmbedder() {
        this(new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run));
    }

    public MiniLmEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        List<float[]> out = new ArrayList<>(embeddings.size());
        for (Embedding e : embeddings) {
            out.add(unit(e.vector()));
        }
        return out;
    }

    @Override
    public List<float[]> embedExamples(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !cache.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> fresh = embedAll(missing);
            if (cache.size() + missing.size() > CACHE_LIMIT) {
                cache.clear();
            }
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), fresh.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            float[] v = cache.get(t);
            out.add(v != null ? v : embedAll(List.of(t)).get(0));
        }
        return out;
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0 || Math.abs(norm - 1) < 1e-4) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
