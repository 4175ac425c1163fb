package io.verbatim.analysis.eval;

import io.verbatim.analysis.eval.TrainAnalyst.Example;
import io.verbatim.analysis.internal.learned.LearnedObjections;
import io.verbatim.analysis.internal.learned.LinearModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The objection classifier: one sigmoid per category over customer turns, every category at or above one
 * shared threshold. The penalty is chosen by nested cross-validation over writers: in each fold the threshold
 * is chosen on the other folds' out-of-fold probabilities only, then scored on the fold (micro-F1 over
 * turn:category pairs, as the evaluation scores them), so the printed figure includes choosing the threshold.
 * Per-category thresholds are printed beside it for comparison: they fit each category's share among the
 * training writers and scored lower nested. {@code -Dobjections.compare=true} also scores the layout without
 * the turn max (the last {@value #MAX_BLOCK} features).
 */
final class ObjectionTraining {

    static final double[] THRESHOLDS = {0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8};
    static final int MAX_BLOCK = 384;

    private ObjectionTraining() {
    }

    static LinearModel train(List<Example> data, int[] fold) {
        if (Boolean.getBoolean("objections.compare")) {
            int without = data.getFirst().x().length - MAX_BLOCK;
            List<Example> cut = data.stream()
                    .map(e -> new Example(e.call(), Arrays.copyOf(e.x(), without), e.y())).toList();
            System.out.println("objections, layout without the turn max:");
            for (double l2 : TrainAnalyst.L2) {
                report(cut, fold, outOfFold(cut, fold, l2), l2);
            }
            System.out.println("objections, with the turn max:");
        }
        double bestF1 = -1;
        double bestL2 = TrainAnalyst.L2[0];
        double[][] bestOof = null;
        for (double l2 : TrainAnalyst.L2) {
            double[][] oof = outOfFold(data, fold, l2);
            double f1 = report(data, fold, oof, l2);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestL2 = l2;
                bestOof = oof;
            }
        }
        double threshold = shared(data, bestOof, i -> true);
        System.out.printf("objections: chose l2=%.3f, shared threshold %.3f (nested leave-writers-out micro-F1 %.3f)%n",
                bestL2, threshold, bestF1);
        double[] thresholds = new double[TrainAnalyst.CATEGORIES.size()];
        Arrays.fill(thresholds, threshold);
        return Logistic.train("objections", LearnedObjections.FEATURES, TrainAnalyst.CATEGORIES, TrainAnalyst.xs(data),
                TrainAnalyst.ys(data), bestL2, true, false, thresholds);
    }

    private static double[][] outOfFold(List<Example> data, int[] fold, double l2) {
        double[][] oof = new double[data.size()][];
        for (int f = 0; f < TrainAnalyst.FOLDS; f++) {
            List<Example> train = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] != f) {
                    train.add(data.get(i));
                }
            }
            LinearModel m = Logistic.train("objections", LearnedObjections.FEATURES, TrainAnalyst.CATEGORIES,
                    TrainAnalyst.xs(train), TrainAnalyst.ys(train), l2, true, false, null);
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] == f) {
                    oof[i] = m.probabilities(data.get(i).x());
                }
            }
        }
        return oof;
    }

    /**
     * Prints the nested figures of one penalty (shared threshold, per writer; per-category thresholds) and returns
     * the nested micro-F1 with the shared threshold.
     */
    private static double report(List<Example> data, int[] fold, double[][] oof, double l2) {
        int k = TrainAnalyst.CATEGORIES.size();
        int[] shared = new int[3];
        int[] perCategory = new int[3];
        TreeMap<String, int[]> byWriter = new TreeMap<>();
        StringBuilder chosen = new StringBuilder();
        for (int f = 0; f < TrainAnalyst.FOLDS; f++) {
            int held = f;
            double t = shared(data, oof, i -> fold[i] != held);
            double[] own = new double[k];
            for (int c = 0; c < k; c++) {
                int cat = c;
                own[c] = best(t2 -> counts(data, oof, i -> fold[i] != held, cat, t2));
            }
            chosen.append(String.format(" %.3f", t));
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] != f) {
                    continue;
                }
                int[] w = byWriter.computeIfAbsent(TrainAnalyst.writer(data.get(i).call()), x -> new int[3]);
                for (int c = 0; c < k; c++) {
                    boolean gold = data.get(i).y()[c] > 0;
                    add(shared, oof[i][c] >= t, gold);
                    add(w, oof[i][c] >= t, gold);
                    add(perCategory, oof[i][c] >= own[c], gold);
                }
            }
        }
        StringBuilder writers = new StringBuilder();
        byWriter.forEach((w, c) -> writers.append(String.format(" %s %.3f (P %.2f R %.2f)", w, f1(c), ratio(c[0], c[1]), ratio(c[0], c[2]))));
        System.out.printf("objections l2=%.3f nested micro-F1 shared threshold %.3f (P %.3f R %.3f; %d gold pairs; thresholds%s),"
                        + " per-category thresholds %.3f (P %.3f R %.3f)%n  per writer:%s%n", l2, f1(shared),
                ratio(shared[0], shared[1]), ratio(shared[0], shared[2]), shared[2], chosen, f1(perCategory),
                ratio(perCategory[0], perCategory[1]), ratio(perCategory[0], perCategory[2]), writers);
        return f1(shared);
    }

    /** The one threshold for all categories with the best micro-F1 on the examples {@code use} admits. */
    private static double shared(List<Example> data, double[][] p, java.util.function.IntPredicate use) {
        return best(t -> {
            int[] sum = new int[3];
            for (int c = 0; c < TrainAnalyst.CATEGORIES.size(); c++) {
                int[] one = counts(data, p, use, c, t);
                for (int j = 0; j < 3; j++) {
                    sum[j] += one[j];
                }
            }
            return sum;
        });
    }

    private static double best(java.util.function.DoubleFunction<int[]> countsAt) {
        double bestT = THRESHOLDS[0];
        double bestF1 = -1;
        for (double t : THRESHOLDS) {
            double f1 = f1(countsAt.apply(t));
            if (f1 > bestF1) {
                bestF1 = f1;
                bestT = t;
            }
        }
        return bestT;
    }

    /** {true positives, predicted, gold} for category {@code c} at threshold {@code t} over the admitted examples. */
    private static int[] counts(List<Example> data, double[][] p, java.util.function.IntPredicate use, int c, double t) {
        int[] out = new int[3];
        for (int i = 0; i < data.size(); i++) {
            if (use.test(i)) {
                add(out, p[i][c] >= t, data.get(i).y()[c] > 0);
            }
        }
        return out;
    }

    private static void add(int[] counts, boolean predicted, boolean gold) {
        counts[0] += predicted && gold ? 1 : 0;
        counts[1] += predicted ? 1 : 0;
        counts[2] += gold ? 1 : 0;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    static double f1(int[] c) {
        return c[1] + c[2] == 0 ? 0 : 2.0 * c[0] / (c[1] + c[2]);
    }
}
