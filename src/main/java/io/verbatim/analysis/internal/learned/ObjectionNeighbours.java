package io.verbatim.analysis.internal.learned;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The customer sentences of the training calls, each with the objection categories its writer gave the turn it
 * is in. A customer turn's vote for a category is, over its sentences, the largest share of a sentence's
 * {@link #K} nearest labelled sentences (cosine) that carry the category. One pushing-back sentence in a long
 * turn finds pushback among its neighbours however the rest of the turn reads, and nearest examples carried
 * across writers better than a wider linear model (leave-one-writer-out). Vectors ship as 8-bit directions.
 */
public final class ObjectionNeighbours {

    public static final int K = 10;
    /** Sentences scored against the bank in one pass (their similarities take GROUP x rows doubles). */
    static final int GROUP = 64;
    static final String RESOURCE = "analysis/models/objection-neighbours.bin.gz";
    private static final int MAGIC = 0x4f424e31;
    private static final Optional<ObjectionNeighbours> SHIPPED = load();

    private final RowBank vectors;
    /** The same rows' nearest-neighbour search (the production path; training folds scan {@link #vectors}). */
    private final NearestRows nearest;
    private final int[] labels;
    private final int categories;
    private final double weight;

    /**
     * @param unit       unit sentence vectors (stored as 8-bit directions, so training sees what ships)
     * @param labels     per sentence, a bit per category its turn carries
     * @param weight     the neighbours' share of the blended probability
     */
    public ObjectionNeighbours(float[][] unit, int[] labels, int categories, double weight) {
        float[][] stored = new float[unit.length][];
        for (int i = 0; i < unit.length; i++) {
            stored[i] = EightBit.dequantize(EightBit.quantize(unit[i]));
        }
        this.vectors = new RowBank(stored);
        this.nearest = new NearestRows(vectors, K, false);
        this.labels = labels.clone();
        this.categories = categories;
        this.weight = weight;
    }

    /** Already stored directions, as read back ({@code stored} only tells this constructor apart). */
    private ObjectionNeighbours(float[][] vectors, int[] labels, int categories, double weight, Void stored) {
        this.vectors = new RowBank(vectors);
        this.nearest = new NearestRows(this.vectors, K, false);
        this.labels = labels;
        this.categories = categories;
        this.weight = weight;
    }

    public static Optional<ObjectionNeighbours> shipped() {
        return SHIPPED;
    }

    public double weight() {
        return weight;
    }

    /** The turn's vote per category over all stored sentences. */
    public double[] votes(List<float[]> sentences) {
        return votes(sentences, i -> true);
    }

    /** The turn's vote per category, using only the stored sentences {@code usable} admits (training folds). */
    public double[] votes(List<float[]> sentences, IntPredicate usable) {
        return vote(vectors.doubleDots(sentences), usable);
    }

    /** {@link #votesEach(List, List)} with no sentence marked as recurring. */
    public List<double[]> votesEach(List<List<float[]>> turns) {
        return votesEach(turns, turns.stream().map(t -> new boolean[t.size()]).toList());
    }

    /**
     * {@link #votes(List)} of each turn, through {@link NearestRows}: the same nearest sentences, hence the same
     * votes, from a cheaper first pass, up to {@link #GROUP} sentences passed over the bank together (bounded
     * scratch). Sentences marked {@code recurring} (short replies, whose vectors the embedder memoises) have their
     * nearest sentences remembered.
     */
    public List<double[]> votesEach(List<List<float[]>> turns, List<boolean[]> recurring) {
        List<float[]> all = new java.util.ArrayList<>();
        turns.forEach(all::addAll);
        boolean[] marks = new boolean[all.size()];
        int at = 0;
        for (boolean[] turn : recurring) {
            System.arraycopy(turn, 0, marks, at, turn.length);
            at += turn.length;
        }
        List<NearestRows.Found> found = new java.util.ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += GROUP) {
            int to = Math.min(all.size(), from + GROUP);
            found.addAll(nearest.find(all.subList(from, to), java.util.Arrays.copyOfRange(marks, from, to)));
        }
        List<double[]> out = new java.util.ArrayList<>(turns.size());
        int from = 0;
        for (List<float[]> turn : turns) {
            double[] vote = new double[categories];
            for (int q = from; q < from + turn.size(); q++) {
                share(found.get(q).rows(), vote);
            }
            out.add(vote);
            from += turn.size();
        }
        return out;
    }

    /** The vote per category of the sentences whose similarities to the bank are {@code sentenceDots}. */
    private double[] vote(double[][] sentenceDots, IntPredicate usable) {
        double[] out = new double[categories];
        for (double[] dots : sentenceDots) {
            TopK top = new TopK(K);
            for (int i = 0; i < dots.length; i++) {
                if (usable.test(i)) {
                    top.offer(dots[i], i);
                }
            }
            share(top.rows(), out);
        }
        return out;
    }

    /** Raises {@code out[c]} to the share of the {@code nearest} sentences that carry category c. */
    private void share(int[] nearest, double[] out) {
        for (int c = 0; c < categories; c++) {
            int with = 0;
            for (int row : nearest) {
                with += (labels[row] >> c & 1);
            }
            out[c] = Math.max(out[c], nearest.length == 0 ? 0 : (double) with / nearest.length);
        }
    }

    /** The model's probabilities blended with the neighbours' votes. */
    public double[] blend(double[] model, double[] votes) {
        double[] out = new double[model.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = (1 - weight) * model[c] + weight * votes[c];
        }
        return out;
    }

    public void write(Path file) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
            out.writeInt(MAGIC);
            float[][] rows = vectors.toRows();
            out.writeInt(rows.length);
            out.writeInt(rows.length == 0 ? 0 : rows[0].length);
            out.writeInt(categories);
            out.writeDouble(weight);
            EightBit.writeRows(out, rows, labels);
        }
    }

    static Optional<ObjectionNeighbours> load() {
        return EightBit.shipped(RESOURCE, ObjectionNeighbours::read);
    }

    /** Reads what {@link #write} wrote. */
    static ObjectionNeighbours read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw));
        if (in.readInt() != MAGIC) {
            throw new IllegalStateException(RESOURCE + " is not an objection neighbours file");
        }
        int n = in.readInt();
        int dims = in.readInt();
        int categories = in.readInt();
        double weight = in.readDouble();
        EightBit.Rows rows = EightBit.readRows(in, n, dims);
        return new ObjectionNeighbours(rows.vectors(), rows.labels(), categories, weight, null);
    }
}
