package io.verbatim.analysis.eval;

import io.verbatim.analysis.eval.TrainAnalyst.Example;
import io.verbatim.analysis.internal.learned.LinearModel;
import io.verbatim.analysis.internal.learned.ObjectionDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The objection detector's training (the first stage of {@link ObjectionDetector}): a binary "any objection in this
 * turn" model, out of fold per writer, blended with the neighbours' any-objection vote; the penalty, the blend weight
 * and the detection threshold are chosen by the same nested leave-one-writer-out pair F1 as the category model (in
 * each fold the category thresholds and the detection threshold come from the other writers only), so its figure
 * is comparable with the one-stage figure it must beat.
 */
final class DetectorTraining {

    static final double[] L2 = {0.03, 0.1, 0.3};
    static final double[] WEIGHTS = {0, 0.125, 0.25, 0.375, 0.5};
    static final double[] THRESHOLDS = IntStream.rangeClosed(2, 32).mapToDouble(i -> i * 0.025).toArray();

    record Chosen(LinearModel model, double weight, double f1) {
    }

    private DetectorTraining() {
    }

    /**
     * @param categories     per example, the category model's out-of-fold blended probabilities
     * @param thresholdsFor  the category thresholds chosen on the examples a predicate admits
     * @param oneStage       the one-stage nested figure to beat
     * @return the detector fitted on every turn, or null when no variant beats the one-stage figure
     */
    static Chosen train(List<Example> data, int[] fold, List<double[]> x, double[] anyVotes, double[][] categories,
                        Function<IntPredicate, double[]> thresholdsFor, double oneStage) {
        int folds = ObjectionTraining.folds(fold);
        double[][] y = data.stream().map(e -> new double[] {isObjection(e) ? 1 : 0}).toArray(double[][]::new);
        double[][] xs = x.toArray(double[][]::new);
        double[][] categoryThresholds = new double[folds][];
        for (int f = 0; f < folds; f++) {
            int held = f;
            categoryThresholds[f] = thresholdsFor.apply(i -> fold[i] != held);
        }
        double bestF1 = -1;
        double bestL2 = L2[0];
        double bestWeight = 0;
        for (double l2 : L2) {
            double[] oof = new double[data.size()];
            IntStream.range(0, folds).parallel().forEach(f -> {
                List<Integer> train = new ArrayList<>();
                for (int i = 0; i < data.size(); i++) {
                    if (fold[i] != f) {
                        train.add(i);
                    }
                }
                LinearModel m = fit(train.stream().map(i -> xs[i]).toArray(double[][]::new),
                        train.stream().map(i -> y[i]).toArray(double[][]::new), l2, null);
                for (int i = 0; i < data.size(); i++) {
                    if (fold[i] == f) {
                        oof[i] = m.probabilities(xs[i])[0];
                    }
                }
            });
            for (double w : WEIGHTS) {
                double[] d = blend(oof, anyVotes, w);
                int[] total = new int[3];
                TreeMap<String, int[]> byWriter = new TreeMap<>();
                for (int f = 0; f < folds; f++) {
                    int held = f;
                    double[] t = categoryThresholds[f];
                    double td = best(data, categories, d, t, i -> fold[i] != held);
                    for (int i = 0; i < data.size(); i++) {
                        if (fold[i] == f) {
                            int[] one = pairs(data.get(i), categories[i], t, d[i], td);
                            int[] wr = byWriter.computeIfAbsent(TrainAnalyst.writer(data.get(i).call()), k -> new int[3]);
                            for (int j = 0; j < 3; j++) {
                                total[j] += one[j];
                                wr[j] += one[j];
                            }
                        }
                    }
                }
                StringBuilder writers = new StringBuilder();
                byWriter.forEach((wr, c) -> writers.append(String.format(" %s %.3f", wr, ObjectionTraining.f1(c))));
                double f1 = ObjectionTraining.f1(total);
                System.out.printf("objections two-stage, detector l2=%.3f any-objection neighbours %.3f: nested micro-F1 %.3f "
                                + "(P %.3f R %.3f; %d gold pairs); per writer%s%n", l2, w, f1, ObjectionTraining.ratio(total[0], total[1]),
                        ObjectionTraining.ratio(total[0], total[2]), total[2], writers);
                if (f1 > bestF1) {
                    bestF1 = f1;
                    bestL2 = l2;
                    bestWeight = w;
                }
            }
        }
        System.out.printf("objections two-stage: best detector l2=%.3f, neighbours %.3f, nested micro-F1 %.3f against one-stage %.3f (%+.3f)%n",
                bestL2, bestWeight, bestF1, oneStage, bestF1 - oneStage);
        if (bestF1 <= oneStage) {
            System.out.println("objections two-stage: not better, no detector written");
            return null;
        }
        // The detection threshold for what ships: chosen on every writer's out-of-fold figures.
        double[] oof = new double[data.size()];
        double l2 = bestL2;
        IntStream.range(0, folds).parallel().forEach(f -> {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] != f) {
                    train.add(i);
                }
            }
            LinearModel m = fit(train.stream().map(i -> xs[i]).toArray(double[][]::new),
                    train.stream().map(i -> y[i]).toArray(double[][]::new), l2, null);
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] == f) {
                    oof[i] = m.probabilities(xs[i])[0];
                }
            }
        });
        double td = best(data, categories, blend(oof, anyVotes, bestWeight), thresholdsFor.apply(i -> true), i -> true);
        System.out.printf("objections two-stage: detection threshold %.3f%n", td);
        return new Chosen(fit(xs, y, bestL2, new double[] {td}), bestWeight, bestF1);
    }

    private static LinearModel fit(double[][] x, double[][] y, double l2, double[] threshold) {
        return Logistic.train("objection-detector", ObjectionDetector.FEATURES, List.of("objection"), x, y, l2, true, false, threshold);
    }

    private static boolean isObjection(Example e) {
        for (double v : e.y()) {
            if (v > 0) {
                return true;
            }
        }
        return false;
    }

    private static double[] blend(double[] detector, double[] anyVotes, double w) {
        double[] out = new double[detector.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (1 - w) * detector[i] + w * anyVotes[i];
        }
        return out;
    }

    /** The detection threshold with the best pair F1 over the admitted examples. */
    private static double best(List<Example> data, double[][] categories, double[] d, double[] t, IntPredicate use) {
        double bestT = THRESHOLDS[0];
        double bestF1 = -1;
        for (double td : THRESHOLDS) {
            int[] total = new int[3];
            for (int i = 0; i < data.size(); i++) {
                if (use.test(i)) {
                    int[] one = pairs(data.get(i), categories[i], t, d[i], td);
                    for (int j = 0; j < 3; j++) {
                        total[j] += one[j];
                    }
                }
            }
            double f1 = ObjectionTraining.f1(total);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestT = td;
            }
        }
        return bestT;
    }

    /** {true positives, predicted, gold} pairs of one turn under the two-stage decision. */
    private static int[] pairs(Example e, double[] p, double[] t, double detection, double td) {
        boolean[] said = ObjectionDetector.decide(p, t, detection, td);
        int[] out = new int[3];
        for (int c = 0; c < said.length; c++) {
            ObjectionTraining.add(out, said[c], e.y()[c] > 0);
        }
        return out;
    }
}
