package io.verbatim.ask.internal;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The engine's MiniLM path until 2026-12-06, kept for benchmarks to time against in the same run: texts sorted by
 * length, one ONNX run per batch of 16 padded to the longest, from the calling thread, on a session with ONNX Runtime's
 * default intra-op threads. Also runs single texts on sessions of other settings ({@link EmbeddingPathBenchmark}).
 */
public final class FormerBatchedMiniLm {

    private FormerBatchedMiniLm() {
    }

    /** The former {@code MiniLmEmbedder.embedAll} (texts up to 512 word pieces). */
    public static Function<List<String>, List<float[]>> embedder() {
        MiniLmEmbedder.disableOnnxTelemetry();
        OnnxMiniLm tokenizer = OnnxMiniLm.load(1, 1);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session = session(env, 0, true);
        return texts -> batched(env, session, texts.stream().map(t -> tokenizer.encode(t).getIds()).toList(), 16);
    }

    /**
     * The former path as the engine's {@link Embedder} (same model id), for the quality evaluations' same-run baseline:
     * {@code --models minilm-batched}.
     */
    static Embedder asEmbedder() {
        return wrap(embedder());
    }

    private static Embedder wrap(Function<List<String>, List<float[]>> embedAll) {
        return new Embedder() {
            @Override
            public String modelId() {
                return MiniLmEmbedder.MODEL;
            }

            @Override
            public int dimensions() {
                return MiniLmEmbedder.DIMENSIONS;
            }

            @Override
            public float[] embed(String text) {
                return embedAll.apply(List.of(text)).getFirst();
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return embedAll.apply(texts);
            }

            @Override
            public int tokens(String text) {
                return Chunker.estimateTokens(text);
            }
        };
    }

    /**
     * LangChain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel} itself as the engine's {@link Embedder} (the engine's
     * path before 2026-12-06 05:23): {@code --models langchain4j}.
     */
    static Embedder langChain4j() {
        MiniLmEmbedder.disableOnnxTelemetry();
        AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        Function<List<String>, List<float[]>> embedAll = texts -> model.embedAll(
                texts.stream().map(dev.langchain4j.data.segment.TextSegment::from).toList()).content().stream().map(e -> e.vector()).toList();
        return wrap(embedAll);
    }

    static OrtSession session(OrtEnvironment env, int intraOpThreads, boolean spinning) {
        try (InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx")) {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            if (!spinning) {
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            return env.createSession(in.readAllBytes(), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sorted by length, batches padded to their longest. */
    static List<float[]> batched(OrtEnvironment env, OrtSession session, List<long[]> ids, int batchSize) {
        Integer[] order = new Integer[ids.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).length));
        float[][] out = new float[ids.size()][];
        for (int from = 0; from < order.length; from += batchSize) {
            List<long[]> batch = new ArrayList<>();
            for (int i = from; i < Math.min(order.length, from + batchSize); i++) {
                batch.add(ids.get(order[i]));
            }
            float[][] v = run(env, session, batch);
            for (int i = 0; i < v.length; i++) {
                out[order[from + i]] = v[i];
            }
        }
        return Arrays.asList(out);
    }

    /** One run for the texts, padded to the longest, mean-pooled over the mask, unit length. */
    static float[][] run(OrtEnvironment env, OrtSession session, List<long[]> batch) {
        int n = batch.size();
        int length = batch.stream().mapToInt(e -> e.length).max().orElse(0);
        long[] ids = new long[n * length];
        long[] mask = new long[n * length];
        for (int b = 0; b < n; b++) {
            System.arraycopy(batch.get(b), 0, ids, b * length, batch.get(b).length);
            Arrays.fill(mask, b * length, b * length + batch.get(b).length, 1L);
        }
        long[] shape = {n, length};
        try (OnnxTensor i = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[n * length]), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", i, "attention_mask", m, "token_type_ids", t))) {
            float[][][] hidden = (float[][][]) result.get(0).getValue();
            float[][] out = new float[n][];
            for (int b = 0; b < n; b++) {
                out[b] = pool(hidden[b], batch.get(b).length);
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] pool(float[][] tokens, int kept) {
        float[] sum = new float[tokens[0].length];
        for (int t = 0; t < kept; t++) {
            for (int d = 0; d < sum.length; d++) {
                sum[d] += tokens[t][d];
            }
        }
        double norm = 0;
        for (float v : sum) {
            norm += v * v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < sum.length; d++) {
            sum[d] *= scale;
        }
        return sum;
    }
}
