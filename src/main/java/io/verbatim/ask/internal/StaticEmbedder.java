package io.verbatim.ask.internal;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Static embeddings distilled from the all-MiniLM-L6-v2 the engine ships (the Model2Vec method; the matrix and how it
 * was made: {@code StaticModelDistiller} in the tests, {@code NOTICE}): a text's vector is the unit-length mean of its
 * word pieces' stored vectors, no network run, so a passage costs microseconds instead of the tens of milliseconds
 * the transformer takes on a CPU. Word order and context are lost; the hybrid search's BM25 half keeps exact wording.
 * Loaded on first use (about 8 MB); thread-safe.
 */
final class StaticEmbedder implements Embedder {

    static final String RESOURCE = "/ask/static-minilm-l6-v2-256.bin.gz";
    static final String MODEL = "static-minilm-l6-v2-256";
    static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
    private volatile Loaded loaded;

    private record Loaded(Matrix matrix, WordPieces pieces) {
    }

    /** Word-piece vectors, int8 with one scale per row. */
    record Matrix(int rows, int dimensions, float[] scales, byte[] values) {

        static Matrix read(InputStream raw) throws IOException {
            try (DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
                int rows = in.readInt();
                int dimensions = in.readInt();
                float[] scales = new float[rows];
                for (int i = 0; i < rows; i++) {
                    scales[i] = in.readFloat();
                }
                byte[] values = new byte[rows * dimensions];
                in.readFully(values);
                return new Matrix(rows, dimensions, scales, values);
            }
        }

        static void write(float[][] rows, Path file) throws IOException {
            try (OutputStream file0 = Files.newOutputStream(file);
                 DataOutputStream out = new DataOutputStream(new GZIPOutputStream(file0, 1 << 16))) {
                out.writeInt(rows.length);
                out.writeInt(rows[0].length);
                float[] scales = new float[rows.length];
                for (int r = 0; r < rows.length; r++) {
                    float max = 0;
                    for (float f : rows[r]) {
                        max = Math.max(max, Math.abs(f));
                    }
                    scales[r] = max / 127f;
                    out.writeFloat(scales[r]);
                }
                for (int r = 0; r < rows.length; r++) {
                    for (float f : rows[r]) {
                        out.writeByte(scales[r] == 0 ? 0 : Math.round(f / scales[r]));
                    }
                }
            }
        }
    }

    private Loaded loaded() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = load();
                }
                l = loaded;
            }
        }
        return l;
    }

    private static Loaded load() {
        try (InputStream matrix = StaticEmbedder.class.getResourceAsStream(RESOURCE);
             InputStream vocabulary = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(TOKENIZER)) {
            if (matrix == null || vocabulary == null) {
                throw new IllegalStateException("Static embedding model resource missing: " + RESOURCE);
            }
            // The same word pieces the teacher reads, without [CLS]/[SEP] and without its 128-piece truncation.
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(vocabulary,
                    Map.of("padding", "false", "truncation", "false", "addSpecialTokens", "false"));
            return new Loaded(Matrix.read(matrix), WordPieces.read(AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(TOKENIZER), tokenizer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String modelId() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return loaded().matrix().dimensions();
    }

    @Override
    public float[] embed(String text) {
        Loaded l = loaded();
        Matrix m = l.matrix();
        int dims = m.dimensions();
        float[] sum = new float[dims];
        byte[] values = m.values();
        float[] scales = m.scales();
        l.pieces().ids(text, row -> {
            float scale = scales[row];
            int offset = row * dims;
            for (int d = 0; d < dims; d++) {
                sum[d] += values[offset + d] * scale;
            }
        });
        double norm = 0;
        for (float f : sum) {
            norm += f * f;
        }
        if (norm == 0) { // no word pieces: a fixed unit vector, as the index takes unit vectors only
            sum[0] = 1;
            return sum;
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < dims; d++) {
            sum[d] *= inverse;
        }
        return sum;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(embed(t));
        }
        return out;
    }

    /**
     * No floor on the static cosines (they sit close together: unrelated passages clear MiniLM's 0.3). Ask applies the
     * minimum similarity on MiniLM's cosine of the passages it keeps, and chat's answer gate judges on MiniLM's cosine
     * ({@link AnswerJudge}).
     */
    @Override
    public double minSimilarity(double configured) {
        return 0;
    }

    /** Chosen with the vector weight by cross-validation ({@link Embedder#vectorWeight}); MiniLM's is 60. */
    @Override
    public int rrfK(int configured) {
        return 20;
    }

    @Override
    public int tokens(String text) {
        return Chunker.estimateTokens(text);
    }
}
