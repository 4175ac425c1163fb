package io.verbatim.analysis.eval;

import io.verbatim.analysis.eval.TrainAnalyst.Example;
import io.verbatim.analysis.internal.learned.LearnedObjections;
import io.verbatim.analysis.internal.learned.LinearModel;
import io.verbatim.analysis.internal.learned.ObjectionNeighbours;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * The objection classifier: one sigmoid per category over customer turns, blended with the votes of the nearest
 * labelled customer sentences ({@link ObjectionNeighbours}), then a threshold per category. The penalty, the
 * neighbours' weight and whether the categories share one threshold are chosen by nested cross-validation over
 * writers: in each fold the thresholds are chosen on the other folds' out-of-fold probabilities only, then scored
 * on the fold (micro-F1 over turn:category pairs, as the evaluation scores them). Out of fold, a turn's neighbours
 * come from the training folds only. Then the model is fitted, and the neighbours stored, on every turn.
 */
final class ObjectionTraining {

    static final double[] THRESHOLDS = {0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8};
    static final double[] WEIGHTS = {0, 0.125, 0.25, 0.375, 0.5};

    /** What {@link #train} chose: the model (thresholds included) and the neighbours with their weight. */
    record Trained(LinearModel model, ObjectionNeighbours neighbours) {
    }

    private ObjectionTraining() {
    }

    /** @param sentences per example, its customer sentences' unit vectors */
    static Trained train(List<Example> data, int[] fold, List<List<float[]>> sentences) {
        int k = TrainAnalyst.CATEGORIES.size();
        List<float[]> bankVectors = new ArrayList<>();
        List<Integer> bankLabels = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            int mask = 0;
            for (int c = 0; c < k; c++) {
                mask |= data.get(i).y()[c] > 0 ? 1 << c : 0;
            }
            for (float[] v : sentences.get(i)) {
                bankVectors.add(v);
                bankLabels.add(mask);
                owner.add(i);
            }
        }
        int[] labels = bankLabels.stream().mapToInt(Integer::intValue).toArray();
        int[] ownerFold = owner.stream().mapToInt(i -> fold[i]).toArray();
        ObjectionNeighbours all = new ObjectionNeighbours(bankVectors.toArray(float[][]::new), labels, k, 0);
        double[][] votes = new double[data.size()][];
        for (int i = 0; i < data.size(); i++) {
            int f = fold[i];
            votes[i] = all.votes(sentences.get(i), j -> ownerFold[j] != f);
        }
        double bestF1 = -1;
        double bestL2 = TrainAnalyst.L2[0];
        double bestWeight = 0;
        boolean bestShared = false;
        double[][] bestBlend = null;
        for (double l2 : TrainAnalyst.L2) {
            double[][] oof = outOfFold(data, fold, l2);
            for (double w : WEIGHTS) {
                double[][] blend = new double[data.size()][k];
                for (int i = 0; i < data.size(); i++) {
                    for (int c = 0; c < k; c++) {
                        blend[i][c] = (1 - w) * oof[i][c] + w * votes[i][c];
                    }
                }
                for (boolean shared : new boolean[] {false, true}) {
                    double f1 = report(data, fold, blend, String.format("l2=%.3f neighbours %.3f %s", l2, w,
                            shared ? "shared threshold" : "per-category thresholds"), shared);
                    if (f1 > bestF1) {
                        bestF1 = f1;
                        bestL2 = l2;
                        bestWeight = w;
                        bestShared = shared;
                        bestBlend = blend;
                    }
                }
            }
        }
        double[] thresholds = thresholds(data, bestBlend, i -> true, bestShared);
        System.out.printf("objections: chose l2=%.3f, neighbours %.3f, %s %s (nested leave-writers-out micro-F1 %.3f)%n",
                bestL2, bestWeight, bestShared ? "shared threshold" : "per-category thresholds", Arrays.toString(thresholds), bestF1);
        LinearModel model = Logistic.train("objections", LearnedObjections.FEATURES, TrainAnalyst.CATEGORIES,
                TrainAnalyst.xs(data), TrainAnalyst.ys(data), bestL2, true, false, thresholds);
        return new Trained(model, new ObjectionNeighbours(bankVectors.toArray(float[][]::new), labels, k, bestWeight));
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

    /** Prints one variant's nested figure, overall and per writer, and returns its micro-F1. */
    private static double report(List<Example> data, int[] fold, double[][] p, String variant, boolean shared) {
        int k = TrainAnalyst.CATEGORIES.size();
        int[] total = new int[3];
        TreeMap<String, int[]> byWriter = new TreeMap<>();
        for (int f = 0; f < TrainAnalyst.FOLDS; f++) {
            int held = f;
            double[] t = thresholds(data, p, i -> fold[i] != held, shared);
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] != f) {
                    continue;
                }
                int[] w = byWriter.computeIfAbsent(TrainAnalyst.writer(data.get(i).call()), x -> new int[3]);
                for (int c = 0; c < k; c++) {
                    add(total, p[i][c] >= t[c], data.get(i).y()[c] > 0);
                    add(w, p[i][c] >= t[c], data.get(i).y()[c] > 0);
                }
            }
        }
        StringBuilder writers = new StringBuilder();
        byWriter.forEach((w, c) -> writers.append(String.format(" %s %.3f", w, f1(c))));
        System.out.printf("objections %s: nested micro-F1 %.3f (P %.3f R %.3f; %d gold pairs); per writer%s%n", variant,
                f1(total), ratio(total[0], total[1]), ratio(total[0], total[2]), total[2], writers);
        return f1(total);
    }

    /** Per category, the threshold with the best F1 on the examples {@code use} admits; or one shared by all. */
    private static double[] thresholds(List<Example> data, double[][] p, IntPredicate use, boolean shared) {
        int k = TrainAnalyst.CATEGORIES.size();
        double[] out = new double[k];
        if (shared) {
            Arrays.fill(out, best(t -> {
                int[] sum = new int[3];
                for (int c = 0; c < k; c++) {
                    int[] one = counts(data, p, use, c, t);
                    for (int j = 0; j < 3; j++) {
                        sum[j] += one[j];
                    }
                }
                return sum;
            }));
        } else {
            for (int c = 0; c < k; c++) {
                int cat = c;
                out[c] = best(t -> counts(data, p, use, cat, t));
            }
        }
        return out;
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
    private static int[] counts(List<Example> data, double[][] p, IntPredicate use, int c, double t) {
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
