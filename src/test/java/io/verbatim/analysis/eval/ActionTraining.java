package io.verbatim.analysis.eval;

import io.verbatim.analysis.ActionItem;
import io.verbatim.analysis.eval.TrainAnalyst.Example;
import io.verbatim.analysis.internal.learned.LearnedActionItems;
import io.verbatim.analysis.internal.learned.LinearModel;
import io.verbatim.analysis.internal.rules.MiniLmEmbedder;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.evaluation.TextSimilarity;
import io.verbatim.evaluation.scoring.ActionItemMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The action-item classifier. Labels name items in free text, not sentences, so each gold item is tied to the
 * sentence that says it best (the evaluation's own matcher: shared content words or MiniLM similarity); that
 * sentence is an example of its owner's class, every other sentence of "none". The penalty and the threshold
 * are chosen by the evaluation's measure itself: items F1 per conversation on out-of-fold predictions.
 */
final class ActionTraining {

    static final double[] THRESHOLDS = {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5};
    static final double[] L2 = {0.003, 0.01, 0.03};
    static final double ALIGN = 0.45;

    record Call(String id, ConversationText text, RuleEvaluator rules, List<ActionItemMatcher.Item> gold) {
    }

    static double rulesF1;
    static boolean ships;

    private ActionTraining() {
    }

    static List<Example> examples(Call call, MiniLmEmbedder embedder) {
        List<Sentence> sentences = call.text().sentences();
        String[] label = new String[sentences.size()];
        for (ActionItemMatcher.Item g : call.gold()) {
            float[] gv = embedder.embedExamples(List.of(g.text())).getFirst();
            int best = -1;
            double bestScore = ALIGN;
            for (Sentence s : sentences) {
                double score = Math.max(ActionItemMatcher.overlap(g.text(), s.text()),
                        SentenceEmbedder.cosine(gv, call.rules().vector(s)));
                if (score > bestScore && label[s.index()] == null) {
                    bestScore = score;
                    best = s.index();
                }
            }
            if (best >= 0) {
                label[best] = g.owner();
            }
        }
        List<Example> out = new ArrayList<>();
        java.util.Set<Integer> picked = LearnedActionItems.picked(call.text());
        for (Sentence s : sentences) {
            double[] y = new double[3];
            y[label[s.index()] == null ? 0 : LearnedActionItems.CLASSES.indexOf(label[s.index()])] = 1;
            out.add(new Example(call.id(), LearnedActionItems.features(call.text(), call.rules(), s, picked), y));
        }
        return out;
    }

    static LinearModel train(List<Call> calls, MiniLmEmbedder embedder) {
        TextSimilarity similarity = new CachedSimilarity(embedder);
        ActionItemMatcher matcher = new ActionItemMatcher(similarity);
        Map<String, List<Example>> byCall = new HashMap<>();
        List<Example> all = new ArrayList<>();
        for (Call c : calls) {
            List<Example> e = examples(c, embedder);
            byCall.put(c.id(), e);
            all.addAll(e);
        }
        int[] fold = TrainAnalyst.folds(all);
        Map<String, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            foldOf.put(all.get(i).call(), fold[i]);
        }
        int[] rulesCounts = new int[3];
        for (Call c : calls) {
            List<ActionItemMatcher.Item> predicted = io.verbatim.analysis.internal.insights.ActionItemFinder.find(c.text()).stream()
                    .map(a -> new ActionItemMatcher.Item(a.owner().name().toLowerCase(Locale.ROOT), a.text())).toList();
            rulesCounts[0] += matcher.match(c.gold(), predicted, new ArrayList<>());
            rulesCounts[1] += predicted.size();
            rulesCounts[2] += c.gold().size();
        }
        rulesF1 = ObjectionTraining.f1(rulesCounts);
        System.out.printf("action-items: the rules alone F1 %.3f on the same calls%n", rulesF1);
        double bestF1 = -1;
        double bestL2 = L2[0];
        double bestThreshold = 0.5;
        for (double l2 : L2) {
            LinearModel[] models = new LinearModel[TrainAnalyst.FOLDS];
            for (int f = 0; f < TrainAnalyst.FOLDS; f++) {
                List<Example> train = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    if (fold[i] != f) {
                        train.add(all.get(i));
                    }
                }
                models[f] = Logistic.train("action-items", LearnedActionItems.FEATURES, LearnedActionItems.CLASSES,
                        TrainAnalyst.xs(train), TrainAnalyst.ys(train), l2, false, false, null);
            }
            StringBuilder line = new StringBuilder();
            for (double t : THRESHOLDS) {
                int[] counts = new int[3];
                for (Call c : calls) {
                    List<ActionItem> got = LearnedActionItems.find(c.text(), c.rules(), models[foldOf.get(c.id())], t);
                    List<ActionItemMatcher.Item> predicted = got.stream()
                            .map(a -> new ActionItemMatcher.Item(a.owner().name().toLowerCase(Locale.ROOT), a.text())).toList();
                    counts[0] += matcher.match(c.gold(), predicted, new ArrayList<>());
                    counts[1] += predicted.size();
                    counts[2] += c.gold().size();
                }
                double f1 = ObjectionTraining.f1(counts);
                line.append(String.format(" %.2f:%.3f(P %.2f R %.2f)", t, f1, counts[1] == 0 ? 0 : (double) counts[0] / counts[1],
                        counts[2] == 0 ? 0 : (double) counts[0] / counts[2]));
                if (f1 > bestF1) {
                    bestF1 = f1;
                    bestL2 = l2;
                    bestThreshold = t;
                }
            }
            System.out.printf("action-items l2=%.3f cross-validated F1 by threshold%s%n", l2, line);
        }
        System.out.printf("action-items: chose l2=%.3f threshold %.2f (cross-validated F1 %.3f): %s%n", bestL2, bestThreshold, bestF1,
                bestF1 > rulesF1 + 0.02 ? "SHIPS" : "rules stay");
        ships = bestF1 > rulesF1 + 0.02;
        return Logistic.train("action-items", LearnedActionItems.FEATURES, LearnedActionItems.CLASSES, TrainAnalyst.xs(all),
                TrainAnalyst.ys(all), bestL2, false, false, new double[] {bestThreshold, bestThreshold, bestThreshold});
    }

    /** MiniLM cosine with each text embedded once (the matcher compares every gold item with every prediction). */
    static final class CachedSimilarity implements TextSimilarity {
        private final MiniLmEmbedder embedder;
        private final Map<String, float[]> vectors = new HashMap<>();

        CachedSimilarity(MiniLmEmbedder embedder) {
            this.embedder = embedder;
        }

        @Override
        public double similarity(String a, String b) {
            return SentenceEmbedder.cosine(vector(a), vector(b));
        }

        private float[] vector(String s) {
            return vectors.computeIfAbsent(s, k -> embedder.embedAll(List.of(k)).getFirst());
        }
    }
}
