package io.verbatim.analysis.internal.learned;

import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The customer turns of the labelled training calls, each with its call's customer sentiment. A customer turn votes
 * for a sentiment by its {@link #K} nearest stored turns (cosine), weighted by similarity; the call's votes are pooled
 * toward its end and over its last two customer turns. Curt, resigned or relieved customers rarely name a feeling, but
 * other writers' customers said the same things in the same situations: leave-one-writer-out, these votes beside the
 * sentence model's probabilities and the dialogue's outcome raised the customer sentiment from 0.867 to 0.889-0.906.
 * Vectors ship as 8-bit directions, as the objection neighbours do.
 */
public final class SentimentNeighbours {

    public static final int K = 10;
    /** Width of {@link #pool}: call-pooled votes (3) and the last two customer turns' votes (3). */
    public static final int FEATURES = 6;
    static final String RESOURCE = "analysis/models/sentiment-neighbours.bin.gz";
    private static final int MAGIC = 0x534e4231;
    private static final Optional<SentimentNeighbours> SHIPPED = load();

    private final RowBank vectors;
    /** The same rows' nearest-neighbour search (the production path; training folds scan {@link #vectors}). */
    private final NearestRows nearest;
    private final int[] labels;
    /** Who wrote each stored turn's call (training only: folds by writer); -1 when read from the resource. */
    private final int[] writers;

    /**
     * @param unit    unit turn vectors (stored as 8-bit directions, so training sees what ships)
     * @param labels  per turn, its call's sentiment class index (negative, neutral, positive)
     * @param writers per turn, its call's writer index
     */
    public SentimentNeighbours(float[][] unit, int[] labels, int[] writers) {
        float[][] stored = new float[unit.length][];
        for (int i = 0; i < unit.length; i++) {
            stored[i] = EightBit.dequantize(EightBit.quantize(unit[i]));
        }
        this.vectors = new RowBank(stored);
        this.nearest = new NearestRows(vectors, K, true);
        this.labels = labels.clone();
        this.writers = writers.clone();
    }

    private SentimentNeighbours(float[][] stored, int[] labels) {
        this.vectors = new RowBank(stored);
        this.nearest = new NearestRows(vectors, K, true);
        this.labels = labels;
        this.writers = new int[labels.length];
        Arrays.fill(writers, -1);
    }

    public static Optional<SentimentNeighbours> shipped() {
        return SHIPPED;
    }

    public int size() {
        return vectors.rows();
    }

    /** The call's pooled votes against every stored turn. */
    public double[] features(ConversationText text, RuleEvaluator rules) {
        List<float[]> turns = turnVectors(text, rules);
        // A turn of short replies only ("Okay. Thank you.") has the same vector in every call that says it.
        boolean[] recurring = new boolean[turns.size()];
        int u = 0;
        for (int t = 0; t < text.turns().size(); t++) {
            if (text.turn(t).speaker() == Speaker.CUSTOMER && !text.sentencesOf(t).isEmpty()) {
                recurring[u++] = text.sentencesOf(t).stream().allMatch(RuleEvaluator::memoised);
            }
        }
        List<double[]> votes = new ArrayList<>(turns.size());
        for (NearestRows.Found found : nearest.find(turns, recurring)) {
            votes.add(weighted(found.rows(), found.similarities()));
        }
        return pool(votes, turnPositions(text));
    }

    /** Cosine of a unit turn vector to every stored turn. */
    public float[] similarities(float[] turn) {
        return vectors.floatDots(List.of(turn))[0];
    }

    /**
     * The similarity-weighted sentiment vote of the {@link #K} nearest stored turns, none written by {@code ownWriter}
     * or {@code excluded} (writer indexes for the training folds; -1 excludes nobody).
     */
    public double[] vote(float[] similarities, int ownWriter, int excluded) {
        TopK top = new TopK(K);
        for (int u = 0; u < similarities.length; u++) {
            if (writers[u] >= 0 && (writers[u] == ownWriter || writers[u] == excluded)) {
                continue;
            }
            top.offer(similarities[u], u);
        }
        return weighted(top.rows(), top.values());
    }

    /** The sentiment vote of the given nearest stored turns, each weighted by its (non-negative) similarity. */
    private double[] weighted(int[] nearest, double[] similarity) {
        double[] v = new double[3];
        double total = 0;
        for (int k = 0; k < nearest.length; k++) {
            double w = Math.max(0, similarity[k]);
            v[labels[nearest[k]]] += w;
            total += w;
        }
        for (int c = 0; c < 3; c++) {
            v[c] = total > 0 ? v[c] / total : 1.0 / 3;
        }
        return v;
    }

    /**
     * The turns' votes pooled over the call with weight 0.5 + position (the end says how it went), and the mean of
     * the last two turns' votes.
     */
    public static double[] pool(List<double[]> votes, double[] positions) {
        double[] f = new double[FEATURES];
        double weights = 0;
        for (int u = 0; u < votes.size(); u++) {
            double w = 0.5 + positions[u];
            for (int c = 0; c < 3; c++) {
                f[c] += w * votes.get(u)[c];
            }
            weights += w;
        }
        int lastFrom = Math.max(0, votes.size() - 2);
        for (int u = lastFrom; u < votes.size(); u++) {
            for (int c = 0; c < 3; c++) {
                f[3 + c] += votes.get(u)[c] / (votes.size() - lastFrom);
            }
        }
        for (int c = 0; c < 3; c++) {
            f[c] = weights > 0 ? f[c] / weights : 1.0 / 3;
        }
        return f;
    }

    /** Each customer turn that has sentences: the unit-length mean of its sentences' vectors. */
    public static List<float[]> turnVectors(ConversationText text, RuleEvaluator rules) {
        List<float[]> out = new ArrayList<>();
        for (int t = 0; t < text.turns().size(); t++) {
            if (text.turn(t).speaker() != Speaker.CUSTOMER || text.sentencesOf(t).isEmpty()) {
                continue;
            }
            float[] v = null;
            for (Sentence s : text.sentencesOf(t)) {
                float[] x = rules.vector(s);
                if (v == null) {
                    v = new float[x.length];
                }
                for (int d = 0; d < v.length; d++) {
                    v[d] += x[d];
                }
            }
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            for (int d = 0; d < v.length; d++) {
                v[d] /= (float) Math.max(1e-9, Math.sqrt(norm));
            }
            out.add(v);
        }
        return out;
    }

    /** Where each customer turn of {@link #turnVectors} sits in the call, 0 (first turn) to 1 (last). */
    public static double[] turnPositions(ConversationText text) {
        List<Double> out = new ArrayList<>();
        int n = text.turns().size();
        for (int t = 0; t < n; t++) {
            if (text.turn(t).speaker() == Speaker.CUSTOMER && !text.sentencesOf(t).isEmpty()) {
                out.add(n > 1 ? t / (double) (n - 1) : 1.0);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public void write(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
            out.writeInt(MAGIC);
            float[][] rows = vectors.toRows();
            out.writeInt(rows.length);
            out.writeInt(rows.length == 0 ? 0 : rows[0].length);
            EightBit.writeRows(out, rows, labels);
        }
    }

    static Optional<SentimentNeighbours> load() {
        return EightBit.shipped(RESOURCE, SentimentNeighbours::read);
    }

    static SentimentNeighbours read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
        if (in.readInt() != MAGIC) {
            throw new IllegalStateException(RESOURCE + " is not a sentiment neighbours file");
        }
        int n = in.readInt();
        int dims = in.readInt();
        EightBit.Rows rows = EightBit.readRows(in, n, dims);
        return new SentimentNeighbours(rows.vectors(), rows.labels());
    }
}
