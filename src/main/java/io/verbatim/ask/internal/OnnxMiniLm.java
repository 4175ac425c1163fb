package io.verbatim.ask.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 (quantized) run directly on ONNX Runtime with the model and tokenizer LangChain4j ships: each text
 * in <b>its own run</b> (no padding), the texts of one call spread over a few threads, each run on one core. Mean-pooled,
 * unit length: the vectors LangChain4j's model gives for the same text. Texts over {@link #MAX_TOKENS} tokens are not
 * handled here (the caller uses LangChain4j's model, which averages their 510-token pieces).
 *
 * <p>Why not batches: the quantized network scales its activations per tensor (dynamic quantization), so a text run
 * together with others, or padded, gets a slightly different vector (cosine 0.992-0.999 to its own run), and on a CPU a
 * batch costs as much arithmetic per text as single runs (measured by {@code EmbeddingPathBenchmark}). Why runs on
 * several threads instead of ONNX Runtime's intra-op threads: this network's operators on one short text barely
 * parallelise, so one run at a time on an intra-op pool left the second core mostly idle (docs/documents.md).
 */
final class OnnxMiniLm implements AutoCloseable {

    /** Word pieces BERT takes at once, [CLS] and [SEP] included. */
    static final int MAX_TOKENS = 512;
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;
    private final ExecutorService runs;
    private final int parallelism;

    private OnnxMiniLm(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer, int parallelism) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.typeIds = session.getInputNames().contains("token_type_ids");
        this.parallelism = parallelism;
        AtomicInteger n = new AtomicInteger();
        this.runs = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "minilm-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param intraOpThreads ONNX Runtime's threads inside one run (0: its default, one per core)
     * @param parallelism    runs at once: the threads {@link #embed} spreads one call's texts over (at most this many
     *                       for all callers together)
     */
    static OnnxMiniLm load(int intraOpThreads, int parallelism) {
        try (InputStream model = resource(MODEL); InputStream vocabulary = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (intraOpThreads > 0) {
                options.setIntraOpNumThreads(intraOpThreads);
            }
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false"));
            return new OnnxMiniLm(environment, session, tokenizer, Math.max(1, parallelism));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Embedding model resource missing: " + name);
        }
        return in;
    }

    /** The text's word pieces with [CLS] and [SEP]. */
    Encoding encode(String text) {
        return tokenizer.encode(text, true, false);
    }

    /**
     * Embeds encoded texts, each at most {@link #MAX_TOKENS} long, one run each, spread over the run threads; the
     * vectors come back in the order given.
     */
    List<float[]> embed(List<Encoding> encodings) {
        if (encodings.size() == 1 || parallelism == 1) {
            return encodings.stream().map(e -> runIds(List.of(e.getIds()))[0]).toList();
        }
        List<Future<float[]>> futures = new ArrayList<>(encodings.size());
        for (Encoding e : encodings) {
            futures.add(runs.submit(() -> runIds(List.of(e.getIds()))[0]));
        }
        List<float[]> out = new ArrayList<>(encodings.size());
        try {
            for (Future<float[]> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(false));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(false));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return out;
    }

    /**
     * Embeds texts given as word-piece ids ([CLS] and [SEP] included), one run for all of them (padded to the longest):
     * {@link #embed} passes one text; tools that feed the model single vocabulary entries (the static model's
     * distillation), which no text encodes to, pass many.
     */
    float[][] runIds(List<long[]> batch) {
        int n = batch.size();
        int length = batch.stream().mapToInt(e -> e.length).max().orElse(0);
        if (length > MAX_TOKENS) {
            throw new IllegalArgumentException("text of " + length + " tokens; at most " + MAX_TOKENS);
        }
        long[] ids = new long[n * length];
        long[] mask = new long[n * length];
        long[] types = new long[n * length]; // one segment: all zero
        for (int b = 0; b < n; b++) {
            long[] e = batch.get(b);
            System.arraycopy(e, 0, ids, b * length, e.length);
            Arrays.fill(mask, b * length, b * length + e.length, 1L);
        }
        long[] shape = {n, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] vectors = new float[n][];
                for (int b = 0; b < n; b++) {
                    vectors[b] = meanPool(hidden[b], mask, b * length, length);
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model failed", e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** The mean of the token vectors the mask keeps, scaled to unit length. */
    private static float[] meanPool(float[][] tokens, long[] mask, int offset, int length) {
        int dimensions = tokens[0].length;
        float[] sum = new float[dimensions];
        int kept = 0;
        for (int t = 0; t < length; t++) {
            if (mask[offset + t] == 0) {
                continue;
            }
            kept++;
            for (int d = 0; d < dimensions; d++) {
                sum[d] += tokens[t][d];
            }
        }
        double norm = 0;
        for (int d = 0; d < dimensions; d++) {
            sum[d] /= Math.max(1, kept);
            norm += sum[d] * sum[d];
        }
        float scale = (float) (1 / Math.max(1e-12, Math.sqrt(norm)));
        for (int d = 0; d < dimensions; d++) {
            sum[d] *= scale;
        }
        return sum;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        tokenizer.close();
        runs.shutdown();
    }
}
