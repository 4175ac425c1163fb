package io.verbatim.ask.internal;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The static embedder's stages timed apart (for {@code DocumentThroughput --stages}): word pieces alone, whole embedding. */
public final class StaticEmbedderStages {

    private final HuggingFaceTokenizer tokenizer;
    private final StaticEmbedder embedder = new StaticEmbedder();

    public StaticEmbedderStages() {
        try (InputStream vocabulary = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            tokenizer = HuggingFaceTokenizer.newInstance(vocabulary,
                    Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Word pieces of every text, the tokenizer the static embedder uses; returns the pieces counted. */
    public long tokenize(List<String> texts) {
        long pieces = 0;
        for (String t : texts) {
            pieces += tokenizer.encode(t, false, false).getIds().length;
        }
        return pieces;
    }

    public List<float[]> embedAll(List<String> texts) {
        return embedder.embedAll(texts);
    }
}
