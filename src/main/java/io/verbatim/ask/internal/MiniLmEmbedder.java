package io.verbatim.ask.internal;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) in-process through ONNX Runtime. Loaded on first use,
 * so a node that never indexes or asks never pays for it. Thread-safe. Token counts use the same
 * BERT word-piece vocabulary's usual ratio (see {@link Chunker#estimateTokens}), which keeps chunking
 * free of native code.
 *
 * <p>ONNX Runtime 1.29 starts a telemetry client when its environment is created (it writes
 * {@code /tmp/mat-debug-<pid>.log}, keeps a device id under {@code ~/.cache/Microsoft} and would upload
 * events over HTTPS), and that client crashes the JVM when the command line is long (a {@code -cp} of a
 * few hundred jars). A self-hosted product sends nothing anywhere, so {@code ORT_DISABLE_TELEMETRY=1} is
 * set in the process environment before the runtime loads, unless the operator set it.
 */
@Component
class MiniLmEmbedder implements Embedder {

    static final int DIMENSIONS = 384;
    private static final Logger log = LoggerFactory.getLogger(MiniLmEmbedder.class);
    private volatile EmbeddingModel model;

    /** libc's setenv, to configure ONNX Runtime, which reads its settings from the C environment. */
    interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    static void disableOnnxTelemetry() {
        try {
            Native.load("c", LibC.class).setenv("ORT_DISABLE_TELEMETRY", "1", 0);
        } catch (RuntimeException | LinkageError e) {
            log.warn("Could not set ORT_DISABLE_TELEMETRY ({}); set it in the environment", e.toString());
        }
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    disableOnnxTelemetry();
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
