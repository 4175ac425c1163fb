package io.verbatim.analysis.internal.learned;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small trained linear classifier over standardised features, as written by the training script
 * ({@code scripts/bench.sh train-analyst}): softmax over exclusive classes, or one sigmoid per class with its
 * own threshold where a example may carry several (objection categories). The weights ship as a resource next
 * to the record of what they were trained on; the feature layout is named so a model can never be read by
 * code that builds different features.
 *
 * @param thresholds per class, only for one-vs-rest models (the probability at or above which it holds)
 */
public record LinearModel(String name, String features, boolean oneVsRest, List<String> classes, double[] mean,
                          double[] scale, double[][] weights, double[] bias, double[] thresholds) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A system property for the evaluation harnesses: {@code -Dverbatim.analysis.rules-only=true} measures the rules alone. */
    public static final String RULES_ONLY = "verbatim.analysis.rules-only";

    public int dimensions() {
        return mean.length;
    }

    /** Per class: softmax probabilities (summing to 1) or independent sigmoid probabilities (one-vs-rest). */
    public double[] probabilities(double[] x) {
        if (x.length != mean.length) {
            throw new IllegalArgumentException(name + " expects " + mean.length + " features, got " + x.length);
        }
        double[] z = new double[classes.size()];
        for (int c = 0; c < z.length; c++) {
            double s = bias[c];
            double[] w = weights[c];
            for (int d = 0; d < x.length; d++) {
                s += w[d] * (x[d] - mean[d]) / scale[d];
            }
            z[c] = s;
        }
        return oneVsRest ? sigmoid(z) : softmax(z);
    }

    /** The index of the largest value (the first on a tie). */
    public static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    public static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    public static double[] sigmoid(double[] z) {
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = 1 / (1 + Math.exp(-z[i]));
        }
        return p;
    }

    /** The model in {@code analysis/models/<name>.json}, if one ships; absent means the judgment stays rule-based. */
    public static Optional<LinearModel> load(String name, String expectedFeatures) {
        if (Boolean.getBoolean(RULES_ONLY)) {
            return Optional.empty();
        }
        try (InputStream in = LinearModel.class.getClassLoader().getResourceAsStream("analysis/models/" + name + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            LinearModel m = read(JSON.readTree(in));
            if (!m.features().equals(expectedFeatures)) {
                throw new IllegalStateException("model " + name + " was trained on features " + m.features()
                        + ", this code builds " + expectedFeatures + ": retrain it (scripts/bench.sh train-analyst)");
            }
            return Optional.of(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LinearModel read(JsonNode root) {
        List<String> classes = new ArrayList<>();
        root.get("classes").forEach(c -> classes.add(c.stringValue()));
        double[][] weights = new double[classes.size()][];
        for (int c = 0; c < classes.size(); c++) {
            weights[c] = doubles(root.get("weights").get(c));
        }
        JsonNode t = root.get("thresholds");
        return new LinearModel(root.get("name").stringValue(), root.get("features").stringValue(),
                root.path("one_vs_rest").asBoolean(false), List.copyOf(classes), doubles(root.get("mean")),
                doubles(root.get("scale")), weights, doubles(root.get("bias")), t == null || t.isNull() ? null : doubles(t));
    }

    static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
