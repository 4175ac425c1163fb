package io.verbatim.analysis.eval;

import io.verbatim.analysis.internal.learned.LinearModel;
import java.util.List;

/**
 * L2-regularised logistic regression, trained full-batch with Adam on standardised features: softmax over
 * exclusive classes, or one independent sigmoid per class (multi-label). Small data (hundreds of calls,
 * thousands of turns) needs nothing more, and a hand-checked gradient beats a dependency for 100 lines.
 */
final class Logistic {

    static final int EPOCHS = 400;
    static final double RATE = 0.05;

    private Logistic() {
    }

    /**
     * @param y        per example, per class 0/1 (exactly one 1 for softmax)
     * @param l2       penalty on the weights (not the bias), per example
     * @param balanced weight softmax examples inversely to their class's frequency
     */
    static LinearModel train(String name, String features, List<String> classes, double[][] x, double[][] y, double l2,
                             boolean oneVsRest, boolean balanced, double[] thresholds) {
        int n = x.length;
        int d = x[0].length;
        int k = classes.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.sqrt(scale[j]) + 1e-6;
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double[] weight = new double[n];
        java.util.Arrays.fill(weight, 1);
        if (balanced && !oneVsRest) {
            double[] count = new double[k];
            for (double[] row : y) {
                for (int c = 0; c < k; c++) {
                    count[c] += row[c];
                }
            }
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) {
                    if (y[i][c] > 0) {
                        weight[i] = n / (k * Math.max(1, count[c]));
                    }
                }
            }
        }
        double[][] w = new double[k][d];
        double[] b = new double[k];
        Adam adamW = new Adam(k * d);
        Adam adamB = new Adam(k);
        double[] gw = new double[k * d];
        double[] gb = new double[k];
        double[] flat = new double[k * d];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            java.util.Arrays.fill(gw, 0);
            java.util.Arrays.fill(gb, 0);
            for (int i = 0; i < n; i++) {
                double[] s = new double[k];
                for (int c = 0; c < k; c++) {
                    double v = b[c];
                    for (int j = 0; j < d; j++) {
                        v += w[c][j] * z[i][j];
                    }
                    s[c] = v;
                }
                double[] p = oneVsRest ? LinearModel.sigmoid(s) : LinearModel.softmax(s);
                for (int c = 0; c < k; c++) {
                    double err = weight[i] * (p[c] - y[i][c]) / n;
                    gb[c] += err;
                    for (int j = 0; j < d; j++) {
                        gw[c * d + j] += err * z[i][j];
                    }
                }
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    gw[c * d + j] += l2 * w[c][j];
                    flat[c * d + j] = w[c][j];
                }
            }
            adamW.step(flat, gw, epoch + 1);
            adamB.step(b, gb, epoch + 1);
            for (int c = 0; c < k; c++) {
                System.arraycopy(flat, c * d, w[c], 0, d);
            }
        }
        return new LinearModel(name, features, oneVsRest, List.copyOf(classes), mean, scale, w, b, thresholds);
    }

    private static final class Adam {
        private final double[] m;
        private final double[] v;

        Adam(int size) {
            m = new double[size];
            v = new double[size];
        }

        void step(double[] params, double[] grad, int t) {
            double b1 = 0.9;
            double b2 = 0.999;
            for (int i = 0; i < params.length; i++) {
                m[i] = b1 * m[i] + (1 - b1) * grad[i];
                v[i] = b2 * v[i] + (1 - b2) * grad[i] * grad[i];
                double mh = m[i] / (1 - Math.pow(b1, t));
                double vh = v[i] / (1 - Math.pow(b2, t));
                params[i] -= RATE * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
    }
}
