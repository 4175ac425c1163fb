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

    /** The static embedder until session 13: every text through the tokenizer's {@code encode}, then the same mean. */
    public List<float[]> formerEmbedAll(List<String> texts) {
        StaticEmbedder.Matrix m = matrix();
        List<float[]> out = new java.util.ArrayList<>(texts.size());
        for (String text : texts) {
            int dims = m.dimensions();
            float[] sum = new float[dims];
            for (long id : tokenizer.encode(text, false, false).getIds()) {
                int offset = (int) id * dims;
                float scale = m.scales()[(int) id];
                for (int d = 0; d < dims; d++) {
                    sum[d] += m.values()[offset + d] * scale;
                }
            }
            double norm = 0;
            for (float f : sum) {
                norm += f * f;
            }
            float inverse = norm == 0 ? 1 : (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dims; d++) {
                sum[d] *= inverse;
            }
            out.add(sum);
        }
        return out;
    }

    private StaticEmbedder.Matrix matrix;

    private StaticEmbedder.Matrix matrix() {
        if (matrix == null) {
            try (InputStream in = StaticEmbedder.class.getResourceAsStream(StaticEmbedder.RESOURCE)) {
                matrix = StaticEmbedder.Matrix.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return matrix;
    }
}
