package io.verbatim.ask.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) in-process through ONNX Runtime, one run per text on as many threads as
 * cores, each run on one core ({@link OnnxMiniLm}). Loaded on first use,
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
class MiniLmEmbedder implements Embedder {

    static final int DIMENSIONS = 384;
    static final String MODEL = "all-minilm-l6-v2-q";
    private static final Logger log = LoggerFactory.getLogger(MiniLmEmbedder.class);
    /**
     * ONNX Runtime's threads inside one run: one, since runs go side by side on {@link #PARALLELISM} threads (a second
     * intra-op thread would only compete with the other run, and ONNX Runtime's pool threads spin while they wait).
     */
    static final int INTRA_OP_THREADS = 1;
    /** Runs at once, for all callers together: one per core. */
    static final int PARALLELISM = Runtime.getRuntime().availableProcessors();
    private volatile EmbeddingModel model;
    private volatile OnnxMiniLm batched;

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

    private OnnxMiniLm batched() {
        OnnxMiniLm b = batched;
        if (b == null) {
            synchronized (this) {
                if (batched == null) {
                    disableOnnxTelemetry();
                    batched = OnnxMiniLm.load(INTRA_OP_THREADS, PARALLELISM);
                }
                b = batched;
            }
        }
        return b;
    }

    @Override
    public String modelId() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).getFirst();
    }

    /**
     * One ONNX run per text, {@link #PARALLELISM} at once ({@link OnnxMiniLm}); a text longer than the model's 512 word
     * pieces goes through LangChain4j's model, which averages its 510-piece parts.
     */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        OnnxMiniLm onnx = batched();
        List<Encoding> fit = new ArrayList<>(texts.size());
        List<Integer> fitAt = new ArrayList<>(texts.size());
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            Encoding e = onnx.encode(texts.get(i));
            if (e.getIds().length <= OnnxMiniLm.MAX_TOKENS) {
                fit.add(e);
                fitAt.add(i);
            } else {
                out[i] = model().embed(TextSegment.from(texts.get(i))).content().vector();
            }
        }
        List<float[]> vectors = onnx.embed(fit);
        for (int i = 0; i < fit.size(); i++) {
            out[fitAt.get(i)] = vectors.get(i);
        }
        return Arrays.asList(out);
    }

    @Override
    public int tokens(String text) {
        return Chunker.estimateTokens(text);
    }
}
