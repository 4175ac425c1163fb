package io.verbatim.analysis.eval;

import io.verbatim.analysis.ItemResult;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.QaConfigs;
import io.verbatim.analysis.Scorecard;
import io.verbatim.analysis.ScorecardResult;
import io.verbatim.analysis.eval.TrainAnalyst.Example;
import io.verbatim.analysis.internal.learned.LearnedScorecard;
import io.verbatim.analysis.internal.learned.LinearModel;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.scoring.ScorecardChooser;
import io.verbatim.analysis.internal.scoring.ScorecardEngine;
import io.verbatim.analysis.internal.text.ConversationText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Per built-in scorecard item, a classifier that sees the rule's verdict and confidence and what the agent
 * said. It ships only where its cross-validated accuracy beats the rule's own accuracy on the same calls by
 * {@link #MARGIN}; elsewhere the rule stands (and a stale model is removed).
 */
final class QaTraining {

    static final double MARGIN = 0.02;
    private final Map<String, List<Example>> byItem = new LinkedHashMap<>();
    private final Map<String, List<String>> ruleSays = new LinkedHashMap<>();

    void add(String id, ConversationText text, RuleEvaluator rules, io.verbatim.analysis.ConversationAttributes attributes,
             JsonNode qa) {
        Optional<Scorecard> card = ScorecardChooser.choose(QaConfigs.defaults().scorecards(), attributes, text.language());
        if (card.isEmpty() || qa == null || qa.isMissingNode()) {
            return;
        }
        ScorecardResult scored = ScorecardEngine.score(card.get(), rules);
        Map<String, Double> confidence = ScorecardEngine.confidences(card.get(), rules);
        double[] agent = LearnedScorecard.agent(text, rules);
        for (ItemResult item : scored.items()) {
            JsonNode gold = qa.get(item.key());
            if (gold == null || item.autoFail()) {
                continue;
            }
            String label = gold.isNull() ? "null" : String.valueOf(gold.booleanValue());
            byItem.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(new Example(id,
                    LearnedScorecard.features(item.result(), confidence.getOrDefault(item.key(), 0.75), agent),
                    TrainAnalyst.oneHot(LearnedScorecard.CLASSES, label)));
            ruleSays.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(wire(item.result()));
        }
    }

    List<LinearModel> train(Path dir, boolean write) throws Exception {
        List<LinearModel> shipped = new ArrayList<>();
        for (var e : byItem.entrySet()) {
            String key = e.getKey();
            List<Example> data = e.getValue();
            int ruleRight = 0;
            for (int i = 0; i < data.size(); i++) {
                ruleRight += LearnedScorecard.CLASSES.get(LinearModel.argmax(data.get(i).y())).equals(ruleSays.get(key).get(i)) ? 1 : 0;
            }
            double rule = (double) ruleRight / data.size();
            int[] fold = TrainAnalyst.folds(data);
            double best = -1;
            double bestL2 = TrainAnalyst.L2[0];
            for (double l2 : TrainAnalyst.L2) {
                int right = 0;
                for (int f = 0; f < TrainAnalyst.FOLDS; f++) {
                    List<Example> train = new ArrayList<>();
                    List<Example> test = new ArrayList<>();
                    for (int i = 0; i < data.size(); i++) {
                        (fold[i] == f ? test : train).add(data.get(i));
                    }
                    if (test.isEmpty()) {
                        continue;
                    }
                    LinearModel m = Logistic.train("qa-" + key, LearnedScorecard.FEATURES, LearnedScorecard.CLASSES,
                            TrainAnalyst.xs(train), TrainAnalyst.ys(train), l2, false, false, null);
                    for (int i = 0; i < data.size(); i++) {
                        if (fold[i] != f) {
                            continue;
                        }
                        Example x = data.get(i);
                        // as the product decides: the rule's "not applicable" stands, else met or not met
                        String said = ruleSays.get(key).get(i);
                        if (!said.equals("null")) {
                            double[] p = m.probabilities(x.x());
                            said = p[0] >= p[1] ? "true" : "false";
                        }
                        right += LearnedScorecard.CLASSES.get(LinearModel.argmax(x.y())).equals(said) ? 1 : 0;
                    }
                }
                double accuracy = (double) right / data.size();
                if (accuracy > best) {
                    best = accuracy;
                    bestL2 = l2;
                }
            }
            boolean ships = best > rule + MARGIN;
            System.out.printf("qa.%-26s rules %.3f, trained (cross-validated) %.3f at l2=%.2f (%d calls): %s%n", key, rule, best,
                    bestL2, data.size(), ships ? "SHIPS" : "rules stay");
            Path file = dir.resolve("qa-" + key + ".json");
            if (ships) {
                LinearModel m = Logistic.train("qa-" + key, LearnedScorecard.FEATURES, LearnedScorecard.CLASSES,
                        TrainAnalyst.xs(data), TrainAnalyst.ys(data), bestL2, false, false, null);
                shipped.add(m);
            } else if (write) {
                Files.deleteIfExists(file);
            }
        }
        return shipped;
    }

    private static String wire(ItemStatus s) {
        return switch (s) {
            case MET -> "true";
            case NOT_MET -> "false";
            case NOT_APPLICABLE -> "null";
        };
    }
}
