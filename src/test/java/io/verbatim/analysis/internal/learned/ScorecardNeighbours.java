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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The agent sentences of the labelled training calls, each with its call's scorecard labels. An agent sentence of a new
 * call looks up its nearest stored sentences (cosine) and the share of them, similarity-weighted, whose call met an item:
 * the sentence that meets an item (the close, the summary of what happens next, the probing question) has neighbours from
 * other writers' calls that met it too, a generic sentence's neighbours are mixed. Vectors ship as 8-bit directions, as
 * the sentiment and objection banks do. Offline only (QaExperiment): its judges did not pass the leave-one-writer-out
 * margin; the tag {@code s13-qa-candidate} has it in main code, read by {@code LearnedScorecard} (docs/analysis-evaluation.md).
 */
public final class ScorecardNeighbours {

    /** Stored sentences kept per looked-up sentence, before the item's labels are read. */
    public static final int KEEP = 80;
    /** Neighbours whose labels vote, per item. */
    public static final int K = 10;
    /** Width of {@link #features}: the largest share, the mean of the three largest, the mean share, the best margin. */
    public static final int FEATURES = 4;
    static final String RESOURCE = "analysis/models/scorecard-neighbours.bin.gz";
    private static final int MAGIC = 0x51534e31;

    /** A looked-up sentence's nearest stored sentences, most similar first. */
    public record Nearest(int[] rows, float[] similarities) {
    }

    private final List<String> items;
    private final float[][] vectors;
    /** Per stored sentence, per item: 1 met, 2 not met, 0 not applicable or not labelled. */
    private final byte[][] labels;
    /** Who wrote each stored sentence's call (training folds only); -1 when read from the resource. */
    private final int[] writers;

    /** @param unit unit sentence vectors, stored as 8-bit directions so that training sees what ships */
    public ScorecardNeighbours(List<String> items, float[][] unit, byte[][] labels, int[] writers) {
        this.items = List.copyOf(items);
        this.vectors = new float[unit.length][];
        for (int i = 0; i < unit.length; i++) {
            vectors[i] = EightBit.dequantize(EightBit.quantize(unit[i]));
        }
        this.labels = labels;
        this.writers = writers.clone();
    }

    public boolean knows(String item) {
        return items.contains(item);
    }

    /** The agent's sentences of the call, looked up once for every item. */
    public List<Nearest> lookUp(ConversationText text, RuleEvaluator rules) {
        List<Sentence> agent = text.sentences().stream().filter(s -> s.speaker() == Speaker.AGENT).toList();
        rules.embed(agent);
        List<Nearest> out = new ArrayList<>(agent.size());
        for (Sentence s : agent) {
            out.add(nearest(rules.vector(s), -1));
        }
        return out;
    }

    /** The {@link #KEEP} stored sentences nearest to a unit vector, none written by {@code ownWriter} (-1: nobody). */
    public Nearest nearest(float[] unit, int ownWriter) {
        int[] rows = new int[KEEP];
        float[] sims = new float[KEEP];
        Arrays.fill(rows, -1);
        Arrays.fill(sims, -2);
        for (int u = 0; u < vectors.length; u++) {
            if (ownWriter >= 0 && writers[u] == ownWriter) {
                continue;
            }
            float s = 0;
            float[] v = vectors[u];
            for (int d = 0; d < v.length; d++) {
                s += unit[d] * v[d];
            }
            if (s > sims[KEEP - 1]) {
                int p = KEEP - 1;
                while (p > 0 && sims[p - 1] < s) {
                    sims[p] = sims[p - 1];
                    rows[p] = rows[p - 1];
                    p--;
                }
                sims[p] = s;
                rows[p] = u;
            }
        }
        return new Nearest(rows, sims);
    }

    /**
     * The call's neighbour votes on an item from its agent sentences' nearest stored sentences, none written by
     * {@code excluded} (the writer a training fold scores; -1 excludes nobody).
     */
    public double[] features(List<Nearest> sentences, String item, int excluded) {
        int j = items.indexOf(item);
        if (sentences.isEmpty() || j < 0) {
            return new double[FEATURES];
        }
        double[] share = new double[sentences.size()];
        double margin = 0;
        for (int i = 0; i < sentences.size(); i++) {
            Nearest n = sentences.get(i);
            double met = 0;
            double all = 0;
            int taken = 0;
            double nearestMet = -1;
            double nearestNot = -1;
            for (int r = 0; r < n.rows().length && n.rows()[r] >= 0; r++) {
                int u = n.rows()[r];
                int label = labels[u][j];
                if (label == 0 || (excluded >= 0 && writers[u] == excluded)) {
                    continue;
                }
                double s = n.similarities()[r];
                if (taken < K) {
                    met += label == 1 ? s : 0;
                    all += s;
                    taken++;
                }
                if (label == 1 && nearestMet < 0) {
                    nearestMet = s;
                } else if (label == 2 && nearestNot < 0) {
                    nearestNot = s;
                }
            }
            share[i] = all > 0 ? met / all : 0;
            if (nearestMet >= 0 && nearestNot >= 0) {
                margin = Math.max(margin, nearestMet - nearestNot);
            }
        }
        double[] sorted = share.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        double top3 = 0;
        for (int i = Math.max(0, m - 3); i < m; i++) {
            top3 += sorted[i] / Math.min(3, m);
        }
        return new double[] {sorted[m - 1], top3, Arrays.stream(share).average().orElse(0), margin};
    }

    public void write(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
            out.writeInt(MAGIC);
            out.writeInt(items.size());
            for (String item : items) {
                out.writeUTF(item);
            }
            out.writeInt(vectors.length);
            out.writeInt(vectors.length == 0 ? 0 : vectors[0].length);
            EightBit.writeRows(out, vectors, new int[vectors.length]);
            for (byte[] row : labels) {
                out.write(row);
            }
        }
    }

    static ScorecardNeighbours read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
        if (in.readInt() != MAGIC) {
            throw new IllegalStateException(RESOURCE + " is not a scorecard neighbours file");
        }
        List<String> items = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            items.add(in.readUTF());
        }
        int n = in.readInt();
        int dims = in.readInt();
        EightBit.Rows rows = EightBit.readRows(in, n, dims);
        byte[][] labels = new byte[n][items.size()];
        for (byte[] row : labels) {
            in.readFully(row);
        }
        int[] writers = new int[n];
        Arrays.fill(writers, -1);
        return new ScorecardNeighbours(items, rows.vectors(), labels, writers, true);
    }

    private ScorecardNeighbours(List<String> items, float[][] stored, byte[][] labels, int[] writers, boolean asStored) {
        this.items = List.copyOf(items);
        this.vectors = stored;
        this.labels = labels;
        this.writers = writers;
    }
}
