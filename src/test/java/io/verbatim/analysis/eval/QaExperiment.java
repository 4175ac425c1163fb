package io.verbatim.analysis.eval;

import io.verbatim.analysis.ItemResult;
import io.verbatim.analysis.QaConfigs;
import io.verbatim.analysis.Scorecard;
import io.verbatim.analysis.ScorecardResult;
import io.verbatim.analysis.internal.learned.LearnedScorecard;
import io.verbatim.analysis.internal.learned.LinearModel;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.scoring.ScorecardChooser;
import io.verbatim.analysis.internal.scoring.ScorecardEngine;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Offline leave-one-writer-out comparison of scorecard-judge inputs on the training calls only (ids {@code ta_}..{@code tj_}):
 * the shipped inputs ({@code qa-v1}) against variants (max-pooled agent sentences, the agent's replies to the customer's
 * questions), each judged as the product decides (the rule's "not applicable" stands, else met or not met), the penalty
 * chosen by the same folds. The embedded calls are cached in {@code target/qa-experiment.bin}.
 * Usage: {@code QaExperiment src/test/resources/evaluation/train [item,...] [variant,...]}.
 */
public final class QaExperiment {

    record Item(String key, int verdict, double confidence, String gold) implements Serializable {
    }

    /** {@code oldItems}: the rule verdicts under the configuration named by {@code -Dqa.experiment.old-config} (else null). */
    record Call(String id, double[] v1, double[] max, double[] replies, Map<String, Item> items, Map<String, Item> oldItems,
                float[][] agentSentences) implements Serializable {

        Call withItems(Map<String, Item> replaced) {
            return new Call(id, v1, max, replies, replaced, oldItems, agentSentences);
        }
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        if (args.length > 2 && args[1].equals("--write")) {
            write(folder, load(folder), args[2]);
            return;
        }
        if (args.length > 2 && args[1].equals("--served")) {
            ServedJudge.compare(load(folder), List.of(args[2].split(",")));
            return;
        }
        List<String> only = args.length > 1 && !args[1].equals("all") ? List.of(args[1].split(",")) : List.of();
        List<Call> calls = load(folder);
        List<String> writers = calls.stream().map(c -> TrainAnalyst.writer(c.id())).distinct().sorted().toList();
        System.out.printf("%d calls, %d writers%n", calls.size(), writers.size());
        if (args.length > 2 && args[2].contains("nn")) {
            long t0 = System.nanoTime();
            neighbours = new QaNeighbours(calls, writers);
            callIndex = new HashMap<>();
            for (int i = 0; i < calls.size(); i++) {
                callIndex.put(calls.get(i).id(), i);
            }
            System.out.printf("neighbours of %d agent sentences in %.0f s%n",
                    calls.stream().mapToInt(c -> c.agentSentences().length).sum(), (System.nanoTime() - t0) / 1e9);
        }
        Map<String, List<Call>> byItem = new java.util.TreeMap<>();
        for (Call c : calls) {
            c.items().keySet().forEach(k -> byItem.computeIfAbsent(k, x -> new ArrayList<>()).add(c));
        }
        for (var e : byItem.entrySet()) {
            if (!only.isEmpty() && !only.contains(e.getKey())) {
                continue;
            }
            String key = e.getKey();
            List<Call> data = e.getValue();
            int[] fold = data.stream().mapToInt(c -> writers.indexOf(TrainAnalyst.writer(c.id()))).toArray();
            int rule = 0;
            for (Call c : data) {
                rule += wire(c.items().get(key).verdict()).equals(c.items().get(key).gold()) ? 1 : 0;
            }
            System.out.printf("%s (%d calls): rules %.3f%n", key, data.size(), (double) rule / data.size());
            for (String variant : args.length > 2 ? List.of(args[2].split(",")) : List.of("v1", "v1+max", "v1+max+replies")) {
                double best = -1;
                double bestL2 = 0;
                double[] bestPerWriter = null;
                for (double l2 : new double[] {0.01, 0.03, 0.1, 0.3}) {
                    double[][] p = outOfFold(key, data, fold, writers.size(), variant, l2);
                    int right = 0;
                    int[] wr = new int[writers.size()];
                    int[] wn = new int[writers.size()];
                    for (int i = 0; i < data.size(); i++) {
                        Item it = data.get(i).items().get(key);
                        String said = wire(it.verdict()).equals("null") ? "null" : p[i][0] >= p[i][1] ? "true" : "false";
                        boolean ok = said.equals(it.gold());
                        right += ok ? 1 : 0;
                        wr[fold[i]] += ok ? 1 : 0;
                        wn[fold[i]]++;
                    }
                    double acc = (double) right / data.size();
                    if (acc > best) {
                        best = acc;
                        bestL2 = l2;
                        bestPerWriter = IntStream.range(0, wr.length).mapToDouble(w -> (double) wr[w] / Math.max(1, wn[w])).toArray();
                    }
                }
                // the met threshold on p(met | applicable), chosen per outer writer on the other writers' out-of-fold figures
                double[][] p = outOfFold(key, data, fold, writers.size(), variant, bestL2);
                int rightT = 0;
                for (int w = 0; w < writers.size(); w++) {
                    double bestT = 0.5;
                    int bestR = -1;
                    for (double t = 0.3; t <= 0.701; t += 0.025) {
                        int r = 0;
                        for (int i = 0; i < data.size(); i++) {
                            if (fold[i] != w) {
                                r += decide(data.get(i).items().get(key), p[i], t).equals(data.get(i).items().get(key).gold()) ? 1 : 0;
                            }
                        }
                        if (r > bestR || (r == bestR && Math.abs(t - 0.5) < Math.abs(bestT - 0.5))) {
                            bestR = r;
                            bestT = t;
                        }
                    }
                    for (int i = 0; i < data.size(); i++) {
                        if (fold[i] == w) {
                            rightT += decide(data.get(i).items().get(key), p[i], bestT).equals(data.get(i).items().get(key).gold()) ? 1 : 0;
                        }
                    }
                }
                System.out.printf("  %-16s nested threshold %.3f%n", variant, (double) rightT / data.size());
                StringBuilder per = new StringBuilder();
                for (double w : bestPerWriter) {
                    per.append(String.format(Locale.ROOT, " %.3f", w));
                }
                System.out.printf("  %-16s %.3f at l2=%.2f |%s%n", variant, best, bestL2, per);
            }
        }
    }

    /**
     * Fits item models on all the calls and writes them as the trainer would ({@code item=variant@l2,...}, the penalty the
     * leave-one-writer-out grid chose), for a session where the full trainer did not fit the machine's time.
     */
    static void write(Path folder, List<Call> calls, String spec) throws Exception {
        if (spec.contains("nn")) {
            List<String> writers = calls.stream().map(c -> TrainAnalyst.writer(c.id())).distinct().sorted().toList();
            neighbours = new QaNeighbours(calls, writers);
            callIndex = new HashMap<>();
            for (int i = 0; i < calls.size(); i++) {
                callIndex.put(calls.get(i).id(), i);
            }
            neighbours.write(Path.of(System.getProperty("qa.experiment.bank", "target/scorecard-neighbours.bin.gz")));
            System.out.println("wrote the scorecard neighbour bank");
        }
        for (String one : spec.split(",")) {
            String key = one.substring(0, one.indexOf('='));
            String variant = one.substring(one.indexOf('=') + 1, one.indexOf('@'));
            double l2 = Double.parseDouble(one.substring(one.indexOf('@') + 1));
            List<Call> data = calls.stream().filter(c -> c.items().containsKey(key)).toList();
            // the neighbour judges (small+nn) ship only on the tag s13-qa-candidate, which has their inputs in LearnedScorecard
            String features = variant.equals("v1+max") ? LearnedScorecard.FEATURES_MAX : variant.equals("v1") ? LearnedScorecard.FEATURES : null;
            if (features == null) {
                throw new IllegalArgumentException(variant + ": no judge reads these inputs");
            }
            if (!features.equals(LearnedScorecard.featuresOf(key))) {
                throw new IllegalStateException(key + ": the judge reads " + LearnedScorecard.featuresOf(key));
            }
            LinearModel m = Logistic.train("qa-" + key, features, LearnedScorecard.CLASSES,
                    data.stream().map(c -> features(c, key, variant)).toArray(double[][]::new),
                    data.stream().map(c -> TrainAnalyst.oneHot(LearnedScorecard.CLASSES, c.items().get(key).gold())).toArray(double[][]::new),
                    l2, false, false, null);
            ModelWriter.write(Path.of("src/main/resources/analysis/models"), m, List.of(folder.toString()), data.size());
            System.out.printf("wrote qa-%s (%s, l2=%.2f, %d calls)%n", key, variant, l2, data.size());
        }
    }

    static double[][] outOfFold(String key, List<Call> data, int[] fold, int folds, String variant, double l2) {
        double[][] out = new double[data.size()][];
        IntStream.range(0, folds).parallel().forEach(f -> {
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] != f) {
                    xs.add(features(data.get(i), key, variant, f));
                    ys.add(TrainAnalyst.oneHot(LearnedScorecard.CLASSES, data.get(i).items().get(key).gold()));
                }
            }
            LinearModel m = Logistic.train("x", "x", LearnedScorecard.CLASSES, xs.toArray(double[][]::new),
                    ys.toArray(double[][]::new), l2, false, false, null);
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] == f) {
                    out[i] = m.probabilities(features(data.get(i), key, variant, f));
                }
            }
        });
        return out;
    }

    static QaNeighbours neighbours;
    static Map<String, Integer> callIndex;

    static double[] features(Call c, String key, String variant) {
        return features(c, key, variant, -1);
    }

    /** {@code excluded}: the writer scored in this fold, whose calls no neighbour may come from (-1: none). */
    static double[] features(Call c, String key, String variant, int excluded) {
        Item it = c.items().get(key);
        double[] head = new double[4];
        head[it.verdict()] = 1;
        head[3] = it.confidence();
        List<double[]> parts = new ArrayList<>(List.of(head));
        if (!variant.startsWith("small")) {
            parts.add(c.v1());
        }
        if (variant.contains("nn")) {
            parts.add(neighbours.features(callIndex.get(c.id()), key, excluded));
        }
        if (variant.contains("max")) {
            parts.add(c.max());
        }
        if (variant.contains("replies")) {
            parts.add(c.replies());
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

    static String decide(Item it, double[] p, double threshold) {
        return wire(it.verdict()).equals("null") ? "null" : p[0] / (p[0] + p[1]) >= threshold ? "true" : "false";
    }

    static String wire(int verdict) {
        return switch (verdict) {
            case 0 -> "true";
            case 1 -> "false";
            default -> "null";
        };
    }

    static Map<String, Item> items(EvalCall call, Scorecard card, RuleEvaluator rules) {
        ScorecardResult scored = ScorecardEngine.score(card, rules);
        Map<String, Double> confidence = ScorecardEngine.confidences(card, rules);
        Map<String, Item> items = new HashMap<>();
        for (ItemResult r : scored.items()) {
            var gold = call.labels().path("qa").get(r.key());
            if (gold == null || r.autoFail()) {
                continue;
            }
            items.put(r.key(), new Item(r.key(), r.result().ordinal(), confidence.getOrDefault(r.key(), 0.75),
                    gold.isNull() ? "null" : String.valueOf(gold.booleanValue())));
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    static List<Call> load(Path folder) throws Exception {
        Path cache = Path.of(System.getProperty("qa.experiment.cache", "target/qa-experiment.bin"));
        if (Files.exists(cache)) {
            try (var in = new ObjectInputStream(Files.newInputStream(cache))) {
                return (List<Call>) in.readObject();
            }
        }
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        String oldConfig = System.getProperty("qa.experiment.old-config");
        io.verbatim.analysis.QaConfig old = oldConfig == null ? null : QaConfigs.parse(Files.readAllBytes(Path.of(oldConfig)));
        List<Call> out = new ArrayList<>();
        for (EvalCall call : EvalCall.load(folder)) {
            if (!call.transcript().language().toLowerCase(Locale.ROOT).startsWith("en") || !call.labels().path("qa").isObject()) {
                continue;
            }
            ConversationText text = new ConversationText(call.transcript());
            RuleEvaluator rules = new RuleEvaluator(text, call.attributes(), QaConfigs.defaults().conditions(), embedder);
            rules.embed(text.sentences());
            Optional<Scorecard> card = ScorecardChooser.choose(QaConfigs.defaults().scorecards(), call.attributes(), text.language());
            if (card.isEmpty()) {
                continue;
            }
            Map<String, Item> items = items(call, card.get(), rules);
            Map<String, Item> oldItems = null;
            if (old != null) {
                RuleEvaluator oldRules = new RuleEvaluator(text, call.attributes(), old.conditions(), embedder);
                oldRules.embed(text.sentences());
                oldItems = items(call, ScorecardChooser.choose(old.scorecards(), call.attributes(), text.language()).orElseThrow(), oldRules);
            }
            List<Sentence> agent = text.sentences().stream().filter(s -> s.speaker() == Speaker.AGENT).toList();
            double[] max = new double[384];
            java.util.Arrays.fill(max, agent.isEmpty() ? 0 : -1);
            for (Sentence s : agent) {
                float[] v = rules.vector(s);
                for (int d = 0; d < 384; d++) {
                    max[d] = Math.max(max[d], v[d]);
                }
            }
            // the agent's turns right after a customer turn that asks something
            double[] replies = new double[384];
            int n = 0;
            for (Sentence s : agent) {
                int prev = s.turn() - 1;
                if (prev >= 0 && text.turn(prev).speaker() == Speaker.CUSTOMER
                        && text.sentencesOf(prev).stream().anyMatch(q -> q.text().contains("?"))) {
                    float[] v = rules.vector(s);
                    for (int d = 0; d < 384; d++) {
                        replies[d] += v[d];
                    }
                    n++;
                }
            }
            for (int d = 0; n > 0 && d < 384; d++) {
                replies[d] /= n;
            }
            out.add(new Call(call.id(), LearnedScorecard.agent(text, rules), max, replies, items, oldItems,
                    agent.stream().map(rules::vector).toArray(float[][]::new)));
        }
        try (var o = new ObjectOutputStream(Files.newOutputStream(cache))) {
            o.writeObject(out);
        } catch (IOException e) {
            System.err.println("no cache: " + e);
        }
        return out;
    }
}
