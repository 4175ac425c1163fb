package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.learned.LearnedSentiment;
import io.verbatim.analysis.internal.learned.LinearModel;
import io.verbatim.analysis.internal.learned.SentimentNeighbours;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The customer sentiment's second stage ({@link LearnedSentiment#STAGE2_FEATURES}) and its bank of labelled customer
 * turns ({@link SentimentNeighbours}), built with the product's own classes. The first stage's probabilities it learns
 * from are out of writer (a model that never saw the call's writer), as they are for a new customer's calls; a turn is
 * never its own writer's neighbour. The penalty is chosen leave one writer out, nested: for each held-out writer, the
 * first stage of every other call comes from a model that saw neither that call's writer nor the held-out one, and the
 * held-out writer's turns are nobody's neighbours.
 */
final class SentimentTraining {

    static final double[] L2 = {0.003, 0.01, 0.03, 0.1, 0.3};

    /** One labelled call: the first stage's inputs, the outcome rules, its customer turns and its sentiment. */
    record Call(String id, String writer, double[] firstStageInput, double[] outcome, List<float[]> turns, double[] positions,
            int gold) {
    }

    /** @param firstL2 the first stage's penalty the second stage was chosen with (the shipped first stage must use it) */
    record Trained(LinearModel stage2, SentimentNeighbours bank, double lowo, double firstL2) {
    }

    private SentimentTraining() {
    }

    /** Both penalties, the first stage's among {@code firstL2s} and the second's, chosen together leave one writer out. */
    static Trained train(List<Call> calls, double[] firstL2s) {
        List<String> writers = calls.stream().map(Call::writer).distinct().sorted().toList();
        int n = writers.size();
        int[] writer = calls.stream().mapToInt(c -> writers.indexOf(c.writer())).toArray();
        List<float[]> vectors = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Integer> turnWriters = new ArrayList<>();
        int[] firstTurn = new int[calls.size() + 1];
        for (int i = 0; i < calls.size(); i++) {
            firstTurn[i] = vectors.size();
            for (float[] t : calls.get(i).turns()) {
                vectors.add(t);
                labels.add(calls.get(i).gold());
                turnWriters.add(writer[i]);
            }
        }
        firstTurn[calls.size()] = vectors.size();
        SentimentNeighbours bank = new SentimentNeighbours(vectors.toArray(float[][]::new),
                labels.stream().mapToInt(Integer::intValue).toArray(), turnWriters.stream().mapToInt(Integer::intValue).toArray());
        // votes[e][turn]: with writer e held out of every neighbourhood (e == n: nobody but the turn's own writer).
        double[][][] votes = new double[n + 1][vectors.size()][];
        IntStream.range(0, vectors.size()).parallel().forEach(t -> {
            float[] sims = bank.similarities(vectors.get(t));
            for (int e = 0; e <= n; e++) {
                votes[e][t] = bank.vote(sims, turnWriters.get(t), e == n ? -1 : e);
            }
        });
        double[][][] knn = new double[n + 1][calls.size()][];
        for (int e = 0; e <= n; e++) {
            for (int i = 0; i < calls.size(); i++) {
                knn[e][i] = SentimentNeighbours.pool(Arrays.asList(Arrays.copyOfRange(votes[e], firstTurn[i], firstTurn[i + 1])),
                        calls.get(i).positions());
            }
        }
        double bestAccuracy = -1;
        double bestL2 = L2[0];
        double bestFirstL2 = firstL2s[0];
        double[][] bestOutOf = null;
        for (double firstL2 : firstL2s) {
            // First stage out of writer: outOf[i] from a model without the call's writer; inner[o][i] also without writer o.
            double[][] outOf = new double[calls.size()][];
            double[][][] inner = new double[n][calls.size()][];
            IntStream.range(0, n).parallel().forEach(o -> {
                for (int w = 0; w < n; w++) {
                    if (w != o) {
                        LinearModel m = firstStage(calls, writer, firstL2, w, o);
                        for (int i = 0; i < calls.size(); i++) {
                            if (writer[i] == w) {
                                inner[o][i] = m.probabilities(calls.get(i).firstStageInput());
                            }
                        }
                    }
                }
                LinearModel m = firstStage(calls, writer, firstL2, o, -1);
                for (int i = 0; i < calls.size(); i++) {
                    if (writer[i] == o) {
                        outOf[i] = m.probabilities(calls.get(i).firstStageInput());
                    }
                }
            });
            for (double l2 : L2) {
                int[] predicted = new int[calls.size()];
                for (int o = 0; o < n; o++) {
                    List<double[]> x = new ArrayList<>();
                    List<double[]> y = new ArrayList<>();
                    for (int i = 0; i < calls.size(); i++) {
                        if (writer[i] != o) {
                            x.add(LearnedSentiment.secondStageFeatures(inner[o][i], knn[o][i], calls.get(i).outcome()));
                            y.add(TrainAnalyst.oneHot(TrainAnalyst.POLARITY, TrainAnalyst.POLARITY.get(calls.get(i).gold())));
                        }
                    }
                    LinearModel m = fit(x, y, l2);
                    for (int i = 0; i < calls.size(); i++) {
                        if (writer[i] == o) {
                            predicted[i] = LinearModel.argmax(m.probabilities(
                                    LearnedSentiment.secondStageFeatures(outOf[i], knn[o][i], calls.get(i).outcome())));
                        }
                    }
                }
                double accuracy = report(firstL2, l2, calls, writer, writers, predicted);
                // Ties go to the stronger penalties (both iterated in increasing order).
                if (accuracy >= bestAccuracy) {
                    bestAccuracy = accuracy;
                    bestL2 = l2;
                    bestFirstL2 = firstL2;
                    bestOutOf = outOf;
                }
            }
        }
        System.out.printf(Locale.ROOT, "customer-sentiment-stage2: chose first-stage l2=%.3f, l2=%.3f (leave one writer out %.3f)%n",
                bestFirstL2, bestL2, bestAccuracy);
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            x.add(LearnedSentiment.secondStageFeatures(bestOutOf[i], knn[n][i], calls.get(i).outcome()));
            y.add(TrainAnalyst.oneHot(TrainAnalyst.POLARITY, TrainAnalyst.POLARITY.get(calls.get(i).gold())));
        }
        LinearModel stage2 = Logistic.train("customer-sentiment-stage2", LearnedSentiment.STAGE2_FEATURES, TrainAnalyst.POLARITY,
                x.toArray(double[][]::new), y.toArray(double[][]::new), bestL2, false, true, null);
        return new Trained(stage2, bank, bestAccuracy, bestFirstL2);
    }

    /** The first stage (the shipped sentence model's recipe) without writers {@code out} and {@code alsoOut}. */
    private static LinearModel firstStage(List<Call> calls, int[] writer, double l2, int out, int alsoOut) {
        List<double[]> x = new ArrayList<>();
        List<double[]> y = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            if (writer[i] != out && writer[i] != alsoOut) {
                x.add(calls.get(i).firstStageInput());
                y.add(TrainAnalyst.oneHot(TrainAnalyst.POLARITY, TrainAnalyst.POLARITY.get(calls.get(i).gold())));
            }
        }
        return fit(x, y, l2);
    }

    private static LinearModel fit(List<double[]> x, List<double[]> y, double l2) {
        return Logistic.train("s", "s", TrainAnalyst.POLARITY, x.toArray(double[][]::new), y.toArray(double[][]::new), l2,
                false, true, null);
    }

    private static double report(double firstL2, double l2, List<Call> calls, int[] writer, List<String> writers, int[] predicted) {
        int right = 0;
        int[][] confusion = new int[3][3];
        int[] perRight = new int[writers.size()];
        int[] perAll = new int[writers.size()];
        for (int i = 0; i < calls.size(); i++) {
            boolean ok = predicted[i] == calls.get(i).gold();
            right += ok ? 1 : 0;
            perRight[writer[i]] += ok ? 1 : 0;
            perAll[writer[i]]++;
            confusion[calls.get(i).gold()][predicted[i]]++;
        }
        StringBuilder per = new StringBuilder();
        for (int w = 0; w < writers.size(); w++) {
            per.append(String.format(Locale.ROOT, " %s %.2f", writers.get(w), perRight[w] / (double) perAll[w]));
        }
        double accuracy = right / (double) calls.size();
        System.out.printf(Locale.ROOT, "customer-sentiment-stage2 first-stage l2=%.3f l2=%.3f leave one writer out %.3f (%d/%d) |%s | %s%n", firstL2, l2,
                accuracy, right, calls.size(), per, Arrays.deepToString(confusion));
        return accuracy;
    }
}
