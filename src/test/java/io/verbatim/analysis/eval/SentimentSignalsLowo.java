package io.verbatim.analysis.eval;

import io.verbatim.analysis.SentimentSignal;
import io.verbatim.analysis.internal.acts.DialogueActs;
import io.verbatim.analysis.internal.learned.DialogueOutcome;
import io.verbatim.analysis.internal.learned.LearnedSentiment;
import io.verbatim.analysis.internal.learned.LinearModel;
import io.verbatim.analysis.internal.learned.SentimentNeighbours;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.enrichment.Enricher;
import io.verbatim.enrichment.Enrichment;
import io.verbatim.enrichment.EnrichmentOptions;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Leave-one-writer-out (ten folds, one writer each) on the TRAINING calls only: the shipped customer-sentiment inputs
 * ({@code v2}) beside new call-level signals, each group a handful of numbers:
 * <ul>
 * <li>{@code knn}: every customer turn's 10 nearest customer turns written by OTHER writers (never the fold's held-out
 * writer), their calls' labels voted by similarity; pooled over the call weighted toward its end, and over the last two
 * customer turns;</li>
 * <li>{@code words}: the customer's share of the words, in the last third of the turns, and its change from the first;</li>
 * <li>{@code proto}: evaluation turns found in the training folds (turns whose other-writer neighbours agree with their
 * call's label, 0.6 or more), per class; the call's best customer turn in its second part, by its mean similarity to
 * the five nearest such turns of other writers;</li>
 * <li>{@code outcome}: the s11 dialogue-outcome rules ({@link DialogueOutcome}, all seven groups).</li>
 * </ul>
 * Usage: {@code SentimentSignalsLowo src/test/resources/evaluation/train [variant ...]}, a variant {@code +}-joined
 * groups ({@code v2+knn+outcome}) or {@code stack:} before groups for the two-stage layout. Vectors cached in
 * {@code target/sentiment-signals.cache}.
 */
public final class SentimentSignalsLowo {

    static final double[] L2 = {0.01, 0.03, 0.1, 0.3, 1};
    static final int PROTO_K = 5;
    static final double PROTO_AGREEMENT = 0.6;

    record Row(String id, String writer, double[] v2, double[] outcome, float[][] turns, double[] position, double[] words,
            int gold) implements Serializable {
    }

    final List<Row> rows;
    final List<String> writers;
    final int[] turnRow;
    final int[] turnWriter;
    final int[] turnLabel;
    final double[] turnPos;
    final float[][] sim;
    /** The product's neighbour bank over the same turns: its vote reads {@link #sim}, labels and writers only. */
    final SentimentNeighbours bank;
    /** Per excluded writer: every row's extra features (knn 6, proto 3). */
    final double[][][] extra;

    SentimentSignalsLowo(List<Row> rows) {
        this.rows = rows;
        this.writers = rows.stream().map(Row::writer).distinct().sorted().toList();
        int t = rows.stream().mapToInt(r -> r.turns().length).sum();
        turnRow = new int[t];
        turnWriter = new int[t];
        turnLabel = new int[t];
        turnPos = new double[t];
        float[][] vec = new float[t][];
        int at = 0;
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < rows.get(i).turns().length; j++) {
                turnRow[at] = i;
                turnWriter[at] = writers.indexOf(rows.get(i).writer());
                turnLabel[at] = rows.get(i).gold();
                turnPos[at] = rows.get(i).position()[j];
                vec[at++] = rows.get(i).turns()[j];
            }
        }
        bank = new SentimentNeighbours(vec, turnLabel, turnWriter);
        sim = new float[t][t];
        IntStream.range(0, t).parallel().forEach(a -> {
            for (int b = 0; b < vec.length; b++) {
                float s = 0;
                for (int d = 0; d < vec[a].length; d++) {
                    s += vec[a][d] * vec[b][d];
                }
                sim[a][b] = s;
            }
        });
        extra = new double[writers.size() + 1][][];
        for (int w = 0; w <= writers.size(); w++) {
            extra[w] = extras(w);
        }
        System.out.printf("%d calls, %d customer turns%n", rows.size(), t);
    }

    /** A turn's similarity-weighted label vote among its K nearest turns, none by its own writer or by {@code excluded}. */
    double[] vote(int turn, int excluded) {
        return bank.vote(sim[turn], turnWriter[turn], excluded);
    }

    /** Extras of every row with writer {@code excluded} (index; {@code writers.size()} = none) kept out of all neighbours. */
    double[][] extras(int excluded) {
        int t = sim.length;
        double[][] votes = new double[t][];
        IntStream.range(0, t).parallel().forEach(u -> votes[u] = vote(u, excluded));
        boolean[][] proto = new boolean[3][t];
        for (int u = 0; u < t; u++) {
            proto[turnLabel[u]][u] = turnWriter[u] != excluded && votes[u][turnLabel[u]] >= PROTO_AGREEMENT;
        }
        double[][] out = new double[rows.size()][9];
        int[] first = new int[rows.size() + 1];
        for (int u = 0; u < t; u++) {
            first[turnRow[u] + 1] = u + 1;
        }
        IntStream.range(0, rows.size()).parallel().forEach(i -> {
            int from = i == 0 ? 0 : first[i];
            int to = first[i + 1];
            double[] f = out[i];
            double[] pooled = SentimentNeighbours.pool(Arrays.asList(Arrays.copyOfRange(votes, from, to)),
                    Arrays.copyOfRange(turnPos, from, to));
            System.arraycopy(pooled, 0, f, 0, SentimentNeighbours.FEATURES);
            for (int c = 0; c < 3; c++) {
                double bestTurn = 0;
                for (int u = from; u < to; u++) {
                    if (turnPos[u] < 0.4 && to - from > 2) {
                        continue;
                    }
                    float[] top = new float[PROTO_K];
                    Arrays.fill(top, 0);
                    for (int p = 0; p < t; p++) {
                        if (proto[c][p] && turnWriter[p] != turnWriter[u] && sim[u][p] > top[PROTO_K - 1]) {
                            int q = PROTO_K - 1;
                            while (q > 0 && top[q - 1] < sim[u][p]) {
                                top[q] = top[q - 1];
                                q--;
                            }
                            top[q] = sim[u][p];
                        }
                    }
                    double mean = 0;
                    for (float s : top) {
                        mean += s / PROTO_K;
                    }
                    bestTurn = Math.max(bestTurn, mean);
                }
                f[6 + c] = bestTurn;
            }
        });
        return out;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        if (folder.toString().contains("written") || folder.toString().contains("testdata")) {
            throw new IllegalArgumentException("training calls only");
        }
        SentimentSignalsLowo h = new SentimentSignalsLowo(load(folder));
        List<String> variants = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("v2", "v2+knn", "v2+words", "v2+proto", "v2+outcome", "v2+knn+words+proto", "v2+knn+words+proto+outcome");
        for (String variant : variants) {
            if (variant.startsWith("stack:")) {
                h.stacked(variant.substring(6));
                continue;
            }
            for (double l2 : L2) {
                h.report(variant, l2, h.lowo(variant, l2));
            }
        }
    }

    /** The features of row {@code i} when writer index {@code excluded} is held out. */
    double[] features(int i, String variant, int excluded) {
        Row r = rows.get(i);
        List<String> groups = List.of(variant.split("\\+"));
        List<double[]> parts = new ArrayList<>();
        if (groups.contains("v2")) {
            parts.add(r.v2());
        }
        if (groups.contains("knn")) {
            parts.add(Arrays.copyOfRange(extra[excluded][i], 0, 6));
        }
        if (groups.contains("proto")) {
            parts.add(Arrays.copyOfRange(extra[excluded][i], 6, 9));
        }
        if (groups.contains("words")) {
            parts.add(r.words());
        }
        if (groups.contains("outcome")) {
            parts.add(r.outcome());
        }
        int n = parts.stream().mapToInt(p -> p.length).sum();
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    int[] lowo(String variant, double l2) {
        int[] predicted = new int[rows.size()];
        IntStream.range(0, writers.size()).parallel().forEach(w -> {
            LinearModel m = fit(variant, l2, w, -1);
            for (int i = 0; i < rows.size(); i++) {
                if (writer(i) == w) {
                    predicted[i] = LinearModel.argmax(m.probabilities(features(i, variant, w)));
                }
            }
        });
        return predicted;
    }

    int writer(int i) {
        return writers.indexOf(rows.get(i).writer());
    }

    /** Fitted on every writer but {@code out} and {@code alsoOut}, with {@code out} kept out of the neighbours. */
    LinearModel fit(String variant, double l2, int out, int alsoOut) {
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (writer(i) != out && writer(i) != alsoOut) {
                x.add(features(i, variant, out));
                y.add(TrainAnalyst.oneHot(TrainAnalyst.POLARITY, TrainAnalyst.POLARITY.get(rows.get(i).gold())));
            }
        }
        return Logistic.train("s", "s", TrainAnalyst.POLARITY, x.toArray(double[][]::new), y.toArray(double[][]::new), l2,
                false, true, null);
    }

    /**
     * Two stages, nested by writer: {@code v2}'s probabilities for a call always come from a model that saw neither the
     * call's writer nor the outer held-out writer; a small model reads their logarithms beside the groups.
     */
    void stacked(String groups) {
        int n = writers.size();
        double[][] firstStage = new double[rows.size()][];
        double[][][] inner = new double[n][rows.size()][];
        IntStream.range(0, n).parallel().forEach(o -> {
            for (int w = 0; w < n; w++) {
                if (w == o) {
                    continue;
                }
                LinearModel m = fit("v2", 0.03, w, o);
                for (int i = 0; i < rows.size(); i++) {
                    if (writer(i) == w) {
                        inner[o][i] = m.probabilities(rows.get(i).v2());
                    }
                }
            }
            LinearModel m = fit("v2", 0.03, o, -1);
            for (int i = 0; i < rows.size(); i++) {
                if (writer(i) == o) {
                    firstStage[i] = m.probabilities(rows.get(i).v2());
                }
            }
        });
        for (String g : groups.split(",")) {
            for (double l2 : new double[] {0.003, 0.01, 0.03, 0.1, 0.3}) {
                int[] predicted = new int[rows.size()];
                for (int o = 0; o < n; o++) {
                    List<double[]> x = new ArrayList<>();
                    List<double[]> y = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        if (writer(i) != o) {
                            x.add(second(inner[o][i], i, g, o));
                            y.add(TrainAnalyst.oneHot(TrainAnalyst.POLARITY, TrainAnalyst.POLARITY.get(rows.get(i).gold())));
                        }
                    }
                    LinearModel m = Logistic.train("s", "s", TrainAnalyst.POLARITY, x.toArray(double[][]::new),
                            y.toArray(double[][]::new), l2, false, true, null);
                    for (int i = 0; i < rows.size(); i++) {
                        if (writer(i) == o) {
                            predicted[i] = LinearModel.argmax(m.probabilities(second(firstStage[i], i, g, o)));
                        }
                    }
                }
                report("stack:" + g, l2, predicted);
            }
        }
    }

    double[] second(double[] probabilities, int i, String groups, int excluded) {
        double[] extras = groups.equals("none") ? new double[0] : features(i, groups, excluded);
        double[] out = new double[3 + extras.length];
        for (int c = 0; c < 3; c++) {
            out[c] = Math.log(Math.max(1e-6, probabilities[c]));
        }
        System.arraycopy(extras, 0, out, 3, extras.length);
        return out;
    }

    void report(String variant, double l2, int[] predicted) {
        int right = 0;
        int[][] confusion = new int[3][3];
        StringBuilder per = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            right += predicted[i] == rows.get(i).gold() ? 1 : 0;
            confusion[rows.get(i).gold()][predicted[i]]++;
        }
        for (int w = 0; w < writers.size(); w++) {
            int n = 0;
            int ok = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (writer(i) == w) {
                    n++;
                    ok += predicted[i] == rows.get(i).gold() ? 1 : 0;
                }
            }
            per.append(String.format(Locale.ROOT, " %.2f", ok / (double) n));
        }
        System.out.printf(Locale.ROOT, "%-34s l2=%.3f  %.3f (%d/%d) |%s | %s%n", variant, l2, right / (double) rows.size(), right,
                rows.size(), per, Arrays.deepToString(confusion));
    }

    @SuppressWarnings("unchecked")
    static List<Row> load(Path folder) throws Exception {
        Path cache = Path.of("target/sentiment-signals.cache");
        if (Files.exists(cache)) {
            try (var in = new ObjectInputStream(Files.newInputStream(cache))) {
                return (List<Row>) in.readObject();
            }
        }
        Enricher enricher = new Enricher();
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        List<Row> rows = new ArrayList<>();
        for (EvalCall call : EvalCall.load(folder)) {
            if (!call.transcript().language().toLowerCase(Locale.ROOT).startsWith("en")
                    || !call.labels().hasNonNull("customer_sentiment")) {
                continue;
            }
            Enrichment e = enricher.enrich(call.transcript(), new EnrichmentOptions(call.transcript().language(),
                    call.attributes().agentName(), null));
            SentimentSignal lexicon = new SentimentSignal(SentimentSignal.Polarity.valueOf(e.sentiment().customer().name()),
                    SentimentSignal.Trend.valueOf(e.sentiment().trend().name().toUpperCase(Locale.ROOT)),
                    e.sentiment().customerConfidence(), e.sentiment().trendConfidence());
            ConversationText text = new ConversationText(call.transcript());
            RuleEvaluator rules = new RuleEvaluator(text, call.attributes(),
                    io.verbatim.analysis.QaConfigs.defaults().conditions(), embedder);
            rules.embed(text.sentences());
            var customer = LearnedSentiment.customer(text);
            if (customer.isEmpty()) {
                continue;
            }
            var acts = DialogueActs.tag(text, rules, DialogueActs.Settings.DEFAULT);
            rows.add(new Row(call.id(), TrainAnalyst.writer(call.id()),
                    LearnedSentiment.overallFeatures(rules, customer, LearnedSentiment.agent(text), lexicon),
                    DialogueOutcome.features(text, rules, call.attributes(), acts),
                    SentimentNeighbours.turnVectors(text, rules).toArray(float[][]::new), SentimentNeighbours.turnPositions(text), CustomerWords.shares(text),
                    TrainAnalyst.POLARITY.indexOf(call.labels().get("customer_sentiment").asString())));
        }
        try (var out = new ObjectOutputStream(Files.newOutputStream(cache))) {
            out.writeObject(new ArrayList<>(rows));
        }
        System.out.printf("%d calls cached%n", rows.size());
        return rows;
    }
}
