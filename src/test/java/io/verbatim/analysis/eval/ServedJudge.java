package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.learned.LearnedScorecard;
import io.verbatim.analysis.internal.learned.LinearModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A scorecard judge as it actually runs: fitted on one rule configuration's verdicts, fed another's. Leave-one-writer-out
 * on the training calls: each fold's judge is fitted on the other writers' calls with the OLD verdicts (the shipped
 * recipe) and scored on the held-out writer's calls with the CURRENT verdicts (what the product feeds it), beside the
 * same recipe fitted and scored on one configuration. Needs a cache built with {@code -Dqa.experiment.old-config}.
 */
final class ServedJudge {

    private ServedJudge() {
    }

    static void compare(List<QaExperiment.Call> all, List<String> keys) {
        List<String> writers = all.stream().map(c -> TrainAnalyst.writer(c.id())).distinct().sorted().toList();
        for (String key : keys) {
            List<QaExperiment.Call> data = all.stream()
                    .filter(c -> c.items().containsKey(key) && c.oldItems() != null && c.oldItems().containsKey(key)).toList();
            int[] fold = data.stream().mapToInt(c -> writers.indexOf(TrainAnalyst.writer(c.id()))).toArray();
            List<QaExperiment.Call> asOld = data.stream().map(c -> c.withItems(c.oldItems())).toList();
            System.out.printf("%s: %d calls (of %d with the item)%n", key, data.size(),
                    all.stream().filter(c -> c.items().containsKey(key)).count());
            String features = LearnedScorecard.featuresOf(key);
            String variant = features.equals(LearnedScorecard.FEATURES_MAX) ? "v1+max" : "v1";
            LinearModel shipped = LinearModel.load("qa-" + key, features).orElseThrow();
            report(key, "shipped weights, current verdicts (in-sample)", data, fold, writers.size(), c -> shipped.probabilities(
                    QaExperiment.features(c, key, variant)));
            report(key, "shipped weights, old verdicts (in-sample)", asOld, fold, writers.size(), c -> shipped.probabilities(
                    QaExperiment.features(c, key, variant)));
            for (double l2 : new double[] {0.01, 0.03, 0.1, 0.3}) {
                report(key, String.format(Locale.ROOT, "LOWO fit old, fed current l2=%.2f", l2), data, fold, writers.size(),
                        lowo(key, asOld, data, fold, writers.size(), variant, l2));
                report(key, String.format(Locale.ROOT, "LOWO fit old, fed old     l2=%.2f", l2), asOld, fold, writers.size(),
                        lowo(key, asOld, asOld, fold, writers.size(), variant, l2));
                report(key, String.format(Locale.ROOT, "LOWO fit current, fed current l2=%.2f", l2), data, fold, writers.size(),
                        lowo(key, data, data, fold, writers.size(), variant, l2));
            }
        }
    }

    /** Out-of-fold probabilities: fitted on {@code train}'s other writers, applied to {@code test}'s calls of the writer. */
    static Function<QaExperiment.Call, double[]> lowo(String key, List<QaExperiment.Call> train, List<QaExperiment.Call> test,
            int[] fold, int folds, String variant, double l2) {
        double[][] out = new double[test.size()][];
        IntStream.range(0, folds).parallel().forEach(f -> {
            List<double[]> xs = new ArrayList<>();
            List<double[]> ys = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) {
                if (fold[i] != f) {
                    xs.add(QaExperiment.features(train.get(i), key, variant));
                    ys.add(TrainAnalyst.oneHot(LearnedScorecard.CLASSES, train.get(i).items().get(key).gold()));
                }
            }
            LinearModel m = Logistic.train("x", "x", LearnedScorecard.CLASSES, xs.toArray(double[][]::new),
                    ys.toArray(double[][]::new), l2, false, false, null);
            for (int i = 0; i < test.size(); i++) {
                if (fold[i] == f) {
                    out[i] = m.probabilities(QaExperiment.features(test.get(i), key, variant));
                }
            }
        });
        return c -> out[test.indexOf(c)];
    }

    static void report(String key, String what, List<QaExperiment.Call> data, int[] fold, int folds, Function<QaExperiment.Call, double[]> p) {
        int right = 0;
        int[] wr = new int[folds];
        int[] wn = new int[folds];
        for (int i = 0; i < data.size(); i++) {
            QaExperiment.Call c = data.get(i);
            QaExperiment.Item it = c.items().get(key);
            boolean ok = QaExperiment.decide(it, p.apply(c), 0.5).equals(it.gold());
            right += ok ? 1 : 0;
            wr[fold[i]] += ok ? 1 : 0;
            wn[fold[i]]++;
        }
        StringBuilder per = new StringBuilder();
        for (int w = 0; w < folds; w++) {
            per.append(String.format(Locale.ROOT, " %.3f", (double) wr[w] / Math.max(1, wn[w])));
        }
        System.out.printf(Locale.ROOT, "  %-48s %.3f (%d/%d) |%s%n", what, (double) right / data.size(), right, data.size(), per);
    }
}
