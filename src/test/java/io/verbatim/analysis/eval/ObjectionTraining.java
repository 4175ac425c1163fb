package io.verbatim.analysis.eval;

import io.verbatim.analysis.eval.TrainAnalyst.Example;
import io.verbatim.analysis.internal.learned.LearnedObjections;
import io.verbatim.analysis.internal.learned.LinearModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The objection classifier: one sigmoid per category over customer turns. The penalty and each category's
 * threshold are chosen on out-of-fold probabilities (micro-F1 over turn:category pairs, as the evaluation
 * scores them), then the model is fitted on every turn.
 */
final class ObjectionTraining {

    static final double[] THRESHOLDS = {0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8};

    private ObjectionTraining() {
    }

    static LinearModel train(List<Example> data, int[] fold) {
        int k = TrainAnalyst.CATEGORIES.size();
        double bestF1 = -1;
        double bestL2 = TrainAnalyst.L2[0];
        double[] bestThresholds = null;
        for (double l2 : TrainAnalyst.L2) {
            double[][] oof = new double[data.size()][];
            for (int f = 0; f < TrainAnalyst.FOLDS; f++) {
                List<Example> train = new ArrayList<>();
                List<Integer> test = new ArrayList<>();
                for (int i = 0; i < data.size(); i++) {
                    if (fold[i] == f) {
                        test.add(i);
                    } else {
                        train.add(data.get(i));
                    }
                }
                LinearModel m = Logistic.train("objections", LearnedObjections.FEATURES, TrainAnalyst.CATEGORIES,
                        TrainAnalyst.xs(train), TrainAnalyst.ys(train), l2, true, false, null);
                for (int i : test) {
                    oof[i] = m.probabilities(data.get(i).x());
                }
            }
            double[] thresholds = new double[k];
            int tp = 0;
            int pred = 0;
            int gold = 0;
            StringBuilder per = new StringBuilder();
            for (int c = 0; c < k; c++) {
                int[] best = null;
                for (double t : THRESHOLDS) {
                    int[] counts = counts(data, oof, c, t);
                    if (best == null || f1(counts) > f1(best)) {
                        best = counts;
                        thresholds[c] = t;
                    }
                }
                tp += best[0];
                pred += best[1];
                gold += best[2];
                per.append(String.format(" %s %.2f@%.2f", TrainAnalyst.CATEGORIES.get(c), f1(best), thresholds[c]));
            }
            double f1 = f1(new int[] {tp, pred, gold});
            System.out.printf("objections l2=%.3f cross-validated micro-F1 %.3f (P %.3f R %.3f; %d gold pairs)%s%n", l2, f1,
                    pred == 0 ? 0 : (double) tp / pred, gold == 0 ? 0 : (double) tp / gold, gold, per);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestL2 = l2;
                bestThresholds = thresholds;
            }
        }
        System.out.printf("objections: chose l2=%.3f (cross-validated micro-F1 %.3f)%n", bestL2, bestF1);
        return Logistic.train("objections", LearnedObjections.FEATURES, TrainAnalyst.CATEGORIES, TrainAnalyst.xs(data),
                TrainAnalyst.ys(data), bestL2, true, false, bestThresholds);
    }

    /** {true positives, predicted, gold} for category {@code c} at threshold {@code t}. */
    private static int[] counts(List<Example> data, double[][] p, int c, double t) {
        int[] out = new int[3];
        for (int i = 0; i < data.size(); i++) {
            boolean predicted = p[i][c] >= t;
            boolean isGold = data.get(i).y()[c] > 0;
            out[0] += predicted && isGold ? 1 : 0;
            out[1] += predicted ? 1 : 0;
            out[2] += isGold ? 1 : 0;
        }
        return out;
    }

    static double f1(int[] c) {
        return c[1] + c[2] == 0 ? 0 : 2.0 * c[0] / (c[1] + c[2]);
    }
}
