package io.verbatim.analysis.internal.insights;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How often each rule that decides an outcome field (qualification, outcome, resolution) was right on the
 * tuned part of the labelled development sets, as that judgment's confidence. Counts are shrunk towards a
 * prior (the confidence every such judgment carried before it was measured), so a rule seen twice does not
 * claim certainty: confidence = (right + mean x strength) / (seen + strength). A rule never seen gets the
 * prior. The counts are written by {@code scripts/bench.sh judgments --write-rule-confidence} from the
 * tuned parts only (docs/analysis-evaluation.md).
 */
public final class RuleConfidence {

    static final String RESOURCE = "analysis/outcome-rule-confidence.json";
    private static final RuleConfidence DEFAULT = load();

    private final double mean;
    private final double strength;
    private final Map<String, double[]> counts;

    RuleConfidence(double mean, double strength, Map<String, double[]> counts) {
        this.mean = mean;
        this.strength = strength;
        this.counts = counts;
    }

    /** The confidence of a judgment of {@code field} decided by {@code rule}. */
    public static double of(String field, String rule) {
        return DEFAULT.confidence(field, rule);
    }

    double confidence(String field, String rule) {
        double[] c = rule == null ? null : counts.get(field + "\u0000" + rule);
        double right = c == null ? 0 : c[0];
        double seen = c == null ? 0 : c[1];
        return (right + mean * strength) / (seen + strength);
    }

    private static RuleConfidence load() {
        try (InputStream in = RuleConfidence.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, double[]> counts = new HashMap<>();
            root.path("fields").properties().forEach(field -> field.getValue().properties().forEach(rule ->
                    counts.put(field.getKey() + "\u0000" + rule.getKey(),
                            new double[] {rule.getValue().path("right").asDouble(), rule.getValue().path("seen").asDouble()})));
            return new RuleConfidence(root.path("prior").path("mean").asDouble(0.75), root.path("prior").path("strength").asDouble(4),
                    counts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
