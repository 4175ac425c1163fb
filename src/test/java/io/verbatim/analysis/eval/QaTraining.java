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
    /** Only these items are retrained ({@code -Dverbatim.train.qa-items=a,b}); all when unset. */
    static final java.util.Set<String> ITEMS = System.getProperty("verbatim.train.qa-items", "").isBlank() ? java.util.Set.of()
            : java.util.Set.of(System.getProperty("verbatim.train.qa-items").split(","));
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
        double[] agentMax = LearnedScorecard.agentMax(text, rules);
        for (ItemResult item : scored.items()) {
            JsonNode gold = qa.get(item.key());
            if (gold == null || item.autoFail()) {
                continue;
            }
            String label = gold.isNull() ? "null" : String.valueOf(gold.booleanValue());
            byItem.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(new Example(id,
                    LearnedScorecard.features(LearnedScorecard.featuresOf(item.key()), item.result(),
                            confidence.getOrDefault(item.key(), 0.75), agent, agentMax),
                    TrainAnalyst.oneHot(LearnedScorecard.CLASSES, label)));
            ruleSays.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(wire(item.result()));
        }
    }

    List<LinearModel> train(Path dir, boolean write) throws Exception {
        List<LinearModel> shipped = new ArrayList<>();
        for (var e : byItem.entrySet()) {
            String key = e.getKey();
            if (!ITEMS.isEmpty() && !ITEMS.contains(key)) {
                continue; // not retrained: its model file stays as it is
            }
            String features = LearnedScorecard.featuresOf(key);
            List<Example> data = e.getValue();
            int ruleRight = 0;
            for (int i = 0; i < data.size(); i++) {
                ruleRight += LearnedScorecard.CLASSES.get(LinearModel.argmax(data.get(i).y())).equals(ruleSays.get(key).get(i)) ? 1 : 0;
            }
            double rule = (double) ruleRight / data.size();
            // One fold per writer: every call is judged by a model that never saw its writer's calls.
            List<String> writers = data.stream().map(x -> TrainAnalyst.writer(x.call())).distinct().sorted().toList();
            int[] fold = data.stream().mapToInt(x -> writers.indexOf(TrainAnalyst.writer(x.call()))).toArray();
            // Two ways a model may decide: met or not met where the rule found the item applicable ("qa-"), or all three
            // results, applicability included ("qa3-": where the labels' null is a judgment of the call, such as "was
            // there anything to sell"). Each is cross-validated by writer; the better one ships if it beats the rule.
            double[] best = {-1, -1};
            double[] bestL2 = {TrainAnalyst.L2[0], TrainAnalyst.L2[0]};
            for (double l2 : TrainAnalyst.L2) {
                // folds in parallel (each fit is independent); the sums are the same in any order
                int[][] byFold = java.util.stream.IntStream.range(0, writers.size()).parallel().mapToObj(f -> {
                    int[] r = new int[2];
                    List<Example> train = new ArrayList<>();
                    for (int i = 0; i < data.size(); i++) {
                        if (fold[i] != f) {
                            train.add(data.get(i));
                        }
                    }
                    LinearModel m = Logistic.train("qa-" + key, features, LearnedScorecard.CLASSES,
                            TrainAnalyst.xs(train), TrainAnalyst.ys(train), l2, false, false, null);
                    for (int i = 0; i < data.size(); i++) {
                        if (fold[i] != f) {
                            continue;
                        }
                        Example x = data.get(i);
                        String gold = LearnedScorecard.CLASSES.get(LinearModel.argmax(x.y()));
                        double[] p = m.probabilities(x.x());
                        // as the product decides: the rule's "not applicable" stands, else met or not met
                        String said = ruleSays.get(key).get(i);
                        if (!said.equals("null")) {
                            said = p[0] >= p[1] ? "true" : "false";
                        }
                        r[0] += gold.equals(said) ? 1 : 0;
                        r[1] += gold.equals(LearnedScorecard.CLASSES.get(LinearModel.argmax(p))) ? 1 : 0;
                    }
                    return r;
                }).toArray(int[][]::new);
                int[] right = new int[2];
                for (int[] r : byFold) {
                    right[0] += r[0];
                    right[1] += r[1];
                }
                for (int k = 0; k < 2; k++) {
                    double accuracy = (double) right[k] / data.size();
                    if (accuracy > best[k]) {
                        best[k] = accuracy;
                        bestL2[k] = l2;
                    }
                }
            }
            int mode = best[1] > best[0] ? 1 : 0;
            boolean ships = best[mode] > rule + MARGIN;
            System.out.printf("qa.%-26s rules %.3f, trained (cross-validated) met/not met %.3f at l2=%.2f, all three %.3f at l2=%.2f"
                    + " (%d calls): %s%n", key, rule, best[0], bestL2[0], best[1], bestL2[1], data.size(),
                    ships ? "SHIPS " + (mode == 1 ? "qa3" : "qa") : "rules stay");
            for (String prefix : List.of("qa-", "qa3-")) {
                boolean keep = ships && prefix.equals(mode == 1 ? "qa3-" : "qa-");
                if (keep) {
                    shipped.add(Logistic.train(prefix + key, features, LearnedScorecard.CLASSES,
                            TrainAnalyst.xs(data), TrainAnalyst.ys(data), bestL2[mode], false, false, null));
                } else if (write) {
                    Files.deleteIfExists(dir.resolve(prefix + key + ".json"));
                }
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
