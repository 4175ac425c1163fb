package io.verbatim.analysis.eval;

import io.verbatim.analysis.SentimentSignal;
import io.verbatim.analysis.internal.acts.DialogueActs;
import io.verbatim.analysis.internal.learned.DialogueOutcome;
import io.verbatim.analysis.internal.learned.LearnedSentiment;
import io.verbatim.analysis.internal.learned.LinearModel;
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

/**
 * Leave-one-writer-out comparison (ten folds, one writer each) of the customer-sentiment model with and without the
 * dialogue-outcome features ({@link DialogueOutcome}), on the TRAINING calls only. Features are cached in
 * {@code target/sentiment-outcome.cache} so variants can be rerun without re-embedding.
 * Usage: {@code SentimentOutcomeLowo src/test/resources/evaluation/train [variant ...]}; a variant is {@code +}-joined
 * group names ({@code booking+acts}), {@code v2} for none, {@code all} for every group.
 */
public final class SentimentOutcomeLowo {

    static final double[] L2 = {0.03, 0.1, 0.3, 1};

    record Row(String id, String writer, double[] v2, double[] outcome, int gold) implements Serializable {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        if (folder.toString().contains("written") || folder.toString().contains("testdata")) {
            throw new IllegalArgumentException("training calls only");
        }
        List<Row> rows = load(folder);
        List<String> writers = rows.stream().map(Row::writer).distinct().sorted().toList();
        List<String> variants = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("v2", "booking+outcome+resolution", "interrupted", "objections", "acts", "ending", "all");
        for (String variant : variants) {
            if (variant.startsWith("stack:")) {
                stacked(rows, writers, variant.substring(6));
                continue;
            }
            for (double l2 : L2) {
                int[] predicted = lowo(rows, writers, variant, l2);
                report(variant, l2, rows, writers, predicted);
            }
        }
    }

    static int[] lowo(List<Row> rows, List<String> writers, String variant, double l2) {
        int[] predicted = new int[rows.size()];
        for (String w : writers) {
            List<double[]> x = new ArrayList<>();
            List<double[]> y = new ArrayList<>();
            for (Row r : rows) {
                if (!r.writer().equals(w)) {
                    x.add(features(r, variant));
                    y.add(TrainAnalyst.oneHot(TrainAnalyst.POLARITY, TrainAnalyst.POLARITY.get(r.gold())));
                }
            }
            LinearModel m = Logistic.train("s", "s", TrainAnalyst.POLARITY, x.toArray(double[][]::new),
                    y.toArray(double[][]::new), l2, false, true, null);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).writer().equals(w)) {
                    predicted[i] = LinearModel.argmax(m.probabilities(features(rows.get(i), variant)));
                }
            }
        }
        return predicted;
    }

    /**
     * Two stages, nested by writer: the sentence-vector model's probabilities for a call always come from a model
     * that saw neither that call's writer nor (for the test writer's fold) the writer tested; a small model then
     * reads those probabilities beside the outcome groups, so a handful of outcome features is not drowned among
     * 1,155 vector dimensions under one penalty.
     */
    static void stacked(List<Row> rows, List<String> writers, String groups) {
        double[][] firstStage = new double[rows.size()][];
        double[][][] inner = new double[writers.size()][rows.size()][];
        for (int o = 0; o < writers.size(); o++) {
            String out = writers.get(o);
            for (String w : writers) {
                List<String> train = writers.stream().filter(x -> !x.equals(w) && !x.equals(out)).toList();
                LinearModel m = fit(rows, train, "v2", 0.03);
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i).writer().equals(w) && !w.equals(out)) {
                        inner[o][i] = m.probabilities(rows.get(i).v2());
                    }
                }
            }
            LinearModel m = fit(rows, writers.stream().filter(x -> !x.equals(out)).toList(), "v2", 0.03);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).writer().equals(out)) {
                    firstStage[i] = m.probabilities(rows.get(i).v2());
                }
            }
            System.out.printf("stage one, outer fold %s done%n", out);
        }
        for (String g : groups.split(",")) {
            for (double l2 : new double[] {0.003, 0.01, 0.03, 0.1, 0.3}) {
                int[] predicted = new int[rows.size()];
                for (int o = 0; o < writers.size(); o++) {
                    String out = writers.get(o);
                    List<double[]> x = new ArrayList<>();
                    List<double[]> y = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        if (!rows.get(i).writer().equals(out)) {
                            x.add(second(inner[o][i], rows.get(i), g));
                            y.add(TrainAnalyst.oneHot(TrainAnalyst.POLARITY, TrainAnalyst.POLARITY.get(rows.get(i).gold())));
                        }
                    }
                    LinearModel m = Logistic.train("s", "s", TrainAnalyst.POLARITY, x.toArray(double[][]::new),
                            y.toArray(double[][]::new), l2, false, true, null);
                    for (int i = 0; i < rows.size(); i++) {
                        if (rows.get(i).writer().equals(out)) {
                            predicted[i] = LinearModel.argmax(m.probabilities(second(firstStage[i], rows.get(i), g)));
                        }
                    }
                }
                report("stack:" + g, l2, rows, writers, predicted);
            }
        }
    }

    static double[] second(double[] probabilities, Row r, String groups) {
        double[] extra = groups.equals("none") ? new double[0] : Arrays.copyOfRange(features(r, groups), r.v2().length,
                features(r, groups).length);
        double[] out = new double[3 + extra.length];
        for (int c = 0; c < 3; c++) {
            out[c] = Math.log(Math.max(1e-6, probabilities[c]));
        }
        System.arraycopy(extra, 0, out, 3, extra.length);
        return out;
    }

    static LinearModel fit(List<Row> rows, List<String> writers, String variant, double l2) {
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        for (Row r : rows) {
            if (writers.contains(r.writer())) {
                x.add(features(r, variant));
                y.add(TrainAnalyst.oneHot(TrainAnalyst.POLARITY, TrainAnalyst.POLARITY.get(r.gold())));
            }
        }
        return Logistic.train("s", "s", TrainAnalyst.POLARITY, x.toArray(double[][]::new), y.toArray(double[][]::new), l2,
                false, true, null);
    }

    static double[] features(Row r, String variant) {
        if (variant.equals("v2")) {
            return r.v2();
        }
        List<String> groups = List.of(variant.split("\\+"));
        List<Double> extra = new ArrayList<>();
        int at = 0;
        for (DialogueOutcome.Group g : DialogueOutcome.GROUPS) {
            if (variant.equals("all") || groups.contains(g.name())) {
                for (int j = 0; j < g.width(); j++) {
                    extra.add(r.outcome()[at + j]);
                }
            }
            at += g.width();
        }
        double[] out = Arrays.copyOf(r.v2(), r.v2().length + extra.size());
        for (int j = 0; j < extra.size(); j++) {
            out[r.v2().length + j] = extra.get(j);
        }
        return out;
    }

    static void report(String variant, double l2, List<Row> rows, List<String> writers, int[] predicted) {
        int right = 0;
        int[][] confusion = new int[3][3];
        StringBuilder per = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            right += predicted[i] == rows.get(i).gold() ? 1 : 0;
            confusion[rows.get(i).gold()][predicted[i]]++;
        }
        for (String w : writers) {
            int n = 0;
            int ok = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).writer().equals(w)) {
                    n++;
                    ok += predicted[i] == rows.get(i).gold() ? 1 : 0;
                }
            }
            per.append(String.format(Locale.ROOT, " %s:%.2f", w.substring(1), ok / (double) n));
        }
        System.out.printf(Locale.ROOT, "%-32s l2=%.2f  %.3f (%d/%d) |%s | %s%n", variant, l2, right / (double) rows.size(), right,
                rows.size(), per, Arrays.deepToString(confusion));
    }

    @SuppressWarnings("unchecked")
    static List<Row> load(Path folder) throws Exception {
        Path cache = Path.of("target/sentiment-outcome.cache");
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
                    LearnedSentiment.overallFeatures(rules, customer, LearnedSentiment.agent(text), lexicon, new double[0]),
                    DialogueOutcome.features(text, rules, call.attributes(), acts),
                    TrainAnalyst.POLARITY.indexOf(call.labels().get("customer_sentiment").asString())));
        }
        try (var out = new ObjectOutputStream(Files.newOutputStream(cache))) {
            out.writeObject(new ArrayList<>(rows));
        }
        System.out.printf("%d calls cached%n", rows.size());
        return rows;
    }
}
