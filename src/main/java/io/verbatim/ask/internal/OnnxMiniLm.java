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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (quantized) run directly on ONNX Runtime with the model and tokenizer LangChain4j ships, so that
 * many texts go through the network in <b>one run per batch</b> (padded to the batch's longest, mean-pooled over the
 * attention mask, unit length) instead of one run per text as LangChain4j's {@code embedAll} does. Texts are batched
 * by length so padding stays small. Texts over {@link #MAX_TOKENS} tokens are not handled here (the caller uses
 * LangChain4j's model, which averages their 510-token pieces).
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
    private final int batchSize;

    private OnnxMiniLm(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer, int batchSize) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.typeIds = session.getInputNames().contains("token_type_ids");
        this.batchSize = batchSize;
    }

    /**
     * @param threads   ONNX Runtime's intra-op threads (0: its default, one per core)
     * @param batchSize texts per run
     */
    static OnnxMiniLm load(int threads, int batchSize) {
        try (InputStream model = resource(MODEL); InputStream vocabulary = resource(TOKENIZER)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (threads > 0) {
                options.setIntraOpNumThreads(threads);
            }
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of("padding", "false"));
            return new OnnxMiniLm(environment, session, tokenizer, batchSize);
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
     * Embeds encoded texts, each at most {@link #MAX_TOKENS} long; the vectors come back in the order given.
     */
    List<float[]> embed(List<Encoding> encodings) {
        float[][] out = new float[encodings.size()][];
        Integer[] order = new Integer[encodings.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> encodings.get(i).getIds().length));
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            List<Encoding> batch = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                batch.add(encodings.get(order[i]));
            }
            float[][] vectors = run(batch);
            for (int i = from; i < to; i++) {
                out[order[i]] = vectors[i - from];
            }
        }
        return Arrays.asList(out);
    }

    private float[][] run(List<Encoding> batch) {
        return runIds(batch.stream().map(Encoding::getIds).toList());
    }

    /**
     * Embeds texts given as word-piece ids ([CLS] and [SEP] included), one run for all of them: for tools that feed the
     * model single vocabulary entries (the static model's distillation), which no text encodes to.
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
    }
}
