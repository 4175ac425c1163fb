package io.verbatim.analysis.internal.learned;

import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The first stage of the objection judge: is there an objection in this customer turn at all? Detection, not the
 * category, was two thirds of the pairs lost (leave-one-writer-out error analysis), and whether a turn pushes back
 * shows in the dialogue around it: the agent's proposal before and the agent's handling after (a rebuttal right
 * after is evidence the customer objected). A binary logistic model over the turn (mean and element-wise max of
 * its sentences, so one pushing-back sentence in a long turn is not averaged away), the agent turns before and
 * after, and the category model's other inputs; blended with the share of the nearest labelled sentences that
 * sit in any objection turn ({@link ObjectionNeighbours#blendDetector}). A detected turn then takes the category
 * the category model rates furthest above its threshold, and any other it passes by itself ({@link #decide}).
 */
public final class ObjectionDetector {

    public static final String FEATURES = "objection-detector-v1: turn mean, turn max, previous agent turn mean, next agent turn mean, position, log words, prototype similarities, rule finder";
    static final Optional<LinearModel> MODEL = LinearModel.load("objection-detector", FEATURES);

    private ObjectionDetector() {
    }

    public static Optional<LinearModel> shipped() {
        return MODEL;
    }

    /**
     * The detector's features of customer turn {@code turn}, given the category model's features of the same turn
     * ({@link LearnedObjections#features}: turn mean, previous agent turn mean, then the non-vector inputs).
     */
    public static double[] features(ConversationText text, RuleEvaluator rules, int turn, double[] categoryFeatures) {
        int d = Pooling.DIMENSIONS;
        List<Sentence> after = List.of();
        for (int t = turn + 1; t < text.turns().size(); t++) {
            if (text.turn(t).speaker() == Speaker.AGENT) {
                after = text.sentencesOf(t);
                break;
            }
        }
        return Pooling.concat(Arrays.copyOfRange(categoryFeatures, 0, d), Pooling.max(rules, text.sentencesOf(turn)),
                Arrays.copyOfRange(categoryFeatures, d, 2 * d), Pooling.mean(rules, after),
                Arrays.copyOfRange(categoryFeatures, 2 * d, categoryFeatures.length));
    }

    /**
     * The categories of one turn: none unless {@code detection} reaches {@code detectionThreshold}; then the one
     * furthest above its threshold (p / threshold) and every other that passes its threshold by itself.
     */
    public static boolean[] decide(double[] p, double[] thresholds, double detection, double detectionThreshold) {
        boolean[] out = new boolean[p.length];
        if (detection < detectionThreshold) {
            return out;
        }
        int best = 0;
        for (int c = 0; c < p.length; c++) {
            out[c] = p[c] >= thresholds[c];
            if (p[c] / thresholds[c] > p[best] / thresholds[best]) {
                best = c;
            }
        }
        out[best] = true;
        return out;
    }
}
