package io.verbatim.analysis.internal.learned;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scorecard item judged as a multiple-instance classifier: one sentence of sympathy meets "showed empathy", and a
 * mean over a long call dilutes it. Every agent sentence gets a learned score (a linear function of its standardised
 * vector); their soft maximum (log-sum-exp at a trained sharpness) joins the rule's verdict and confidence and the
 * pooled agent vectors ({@link LearnedScorecard#FEATURES}) in one logistic for "met". Trained by
 * {@code scripts/qa-mil/mil.py --write} on the written training calls; its file carries check cases, inputs both
 * sides build the same way, whose probabilities this reader must reproduce (SentenceMaxJudgeTest).
 */
public record SentenceMaxJudge(String name, String features, double[] head, double bias, double[] pooledMean,
                               double[] pooledScale, double[] pooledWeights, double[] sentenceMean, double[] sentenceScale,
                               double[] sentenceWeights, double sentenceBias, double sharpness, JsonNode checks) {

    public static final String FEATURES = LearnedScorecard.FEATURES.replace("qa-v1", "qa-mil-v1")
            + ", soft maximum of a learned score over agent sentences";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The probability the item is met.
     *
     * @param verdict    the rule's verdict (an {@code ItemStatus} ordinal)
     * @param pooled     {@link LearnedScorecard#agent}: the agent's mean, first turn and last third
     * @param sentences  the agent's sentence vectors, in any order
     */
    public double probabilityMet(int verdict, double confidence, double[] pooled, List<float[]> sentences) {
        if (pooled.length != pooledMean.length) {
            throw new IllegalArgumentException(name + " expects " + pooledMean.length + " pooled inputs, got " + pooled.length);
        }
        double z = bias + head[verdict] + head[3] * confidence;
        for (int d = 0; d < pooled.length; d++) {
            z += pooledWeights[d] * (pooled[d] - pooledMean[d]) / pooledScale[d];
        }
        return 1 / (1 + Math.exp(-(z + softMax(sentences))));
    }

    /** log(mean(exp(r * s))) / r over the sentences' scores s; no sentences, no evidence (0). */
    private double softMax(List<float[]> sentences) {
        if (sentences.isEmpty()) {
            return 0;
        }
        double[] s = new double[sentences.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < s.length; j++) {
            float[] v = sentences.get(j);
            double score = sentenceBias;
            for (int d = 0; d < sentenceWeights.length; d++) {
                score += sentenceWeights[d] * (v[d] - sentenceMean[d]) / sentenceScale[d];
            }
            s[j] = sharpness * score;
            max = Math.max(max, s[j]);
        }
        double sum = 0;
        for (double v : s) {
            sum += Math.exp(v - max);
        }
        return (max + Math.log(sum / s.length)) / sharpness;
    }

    /** The judge in {@code analysis/models/<name>.json}, if one ships. */
    public static Optional<SentenceMaxJudge> load(String name) {
        if (Boolean.getBoolean(LinearModel.RULES_ONLY)) {
            return Optional.empty();
        }
        try (InputStream in = SentenceMaxJudge.class.getClassLoader().getResourceAsStream("analysis/models/" + name + ".json")) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode root = JSON.readTree(in);
            SentenceMaxJudge judge = new SentenceMaxJudge(root.get("name").stringValue(), root.get("features").stringValue(),
                    LinearModel.doubles(root.get("head")), root.get("bias").asDouble(), LinearModel.doubles(root.get("pooled_mean")),
                    LinearModel.doubles(root.get("pooled_scale")), LinearModel.doubles(root.get("pooled_weights")), LinearModel.doubles(root.get("sentence_mean")),
                    LinearModel.doubles(root.get("sentence_scale")), LinearModel.doubles(root.get("sentence_weights")), root.get("sentence_bias").asDouble(),
                    root.get("sharpness").asDouble(), root.path("checks"));
            if (!judge.features().equals(FEATURES)) {
                throw new IllegalStateException("judge " + name + " was trained on " + judge.features() + ", this code builds "
                        + FEATURES + ": retrain it (scripts/qa-mil/mil.py --write)");
            }
            return Optional.of(judge);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
