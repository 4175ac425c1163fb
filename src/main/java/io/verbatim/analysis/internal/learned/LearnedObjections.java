package io.verbatim.analysis.internal.learned;

import io.verbatim.analysis.Objection;
import io.verbatim.analysis.ObjectionCategory;
import io.verbatim.analysis.internal.acts.ObjectionJudge;
import io.verbatim.analysis.internal.insights.ObjectionFinder;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Objections from a trained classifier over each customer turn: what the customer said (the mean of its
 * sentences and, per dimension, their maximum, so one pushing-back sentence in a long turn is not averaged
 * away) and what the agent said just before (pushback mostly answers a price, a proposed time or a request to
 * book). One sigmoid per category, each with the threshold cross-validation chose; a turn takes at most one
 * category, the one furthest above its threshold (writers give a turn one category nine times in ten, and a
 * second guess was wrong far more often than right). Absent a model, or for a language it was not trained on,
 * the rule and prototype judges stand.
 */
public final class LearnedObjections {

    public static final String FEATURES = "objections-v3: turn mean, turn max, previous agent turn mean, position, log words, prototype similarities, rule finder";
    private static final Optional<LinearModel> MODEL = LinearModel.load("objections", FEATURES);

    private LearnedObjections() {
    }

    public static boolean applies(ConversationText text, RuleEvaluator rules) {
        return MODEL.isPresent() && rules.embedder() != null && text.isLanguage("en");
    }

    public static List<Objection> find(ConversationText text, RuleEvaluator rules) {
        LinearModel model = MODEL.orElseThrow();
        List<Objection> byRules = ObjectionFinder.find(text);
        List<Objection> out = new ArrayList<>();
        for (int turn = 0; turn < text.turns().size(); turn++) {
            if (text.turn(turn).speaker() != Speaker.CUSTOMER || text.sentencesOf(turn).isEmpty()) {
                continue;
            }
            int c = category(model.probabilities(features(text, rules, turn, byRules)), model.thresholds());
            if (c >= 0) {
                Sentence first = text.sentencesOf(turn).getFirst();
                out.add(new Objection(ObjectionCategory.valueOf(model.classes().get(c).toUpperCase(Locale.ROOT)), turn,
                        first.start(), text.turn(turn).text()));
            }
        }
        return out;
    }

    /** The category whose probability is furthest above its threshold (as a ratio), or -1 when none reaches it. */
    public static int category(double[] p, double[] thresholds) {
        int best = -1;
        double bestRatio = 1;
        for (int c = 0; c < p.length; c++) {
            double ratio = p[c] / thresholds[c];
            if (ratio >= bestRatio) {
                best = c;
                bestRatio = ratio;
            }
        }
        return best;
    }

    /** The features of customer turn {@code turn}. */
    public static double[] features(ConversationText text, RuleEvaluator rules, int turn, List<Objection> byRules) {
        List<Sentence> own = text.sentencesOf(turn);
        List<Sentence> before = List.of();
        for (int t = turn - 1; t >= 0; t--) {
            if (text.turn(t).speaker() == Speaker.AGENT) {
                before = text.sentencesOf(t);
                break;
            }
        }
        int words = own.stream().mapToInt(Sentence::wordCount).sum();
        double position = text.turns().size() <= 1 ? 0 : (double) turn / (text.turns().size() - 1);
        double[] found = new double[ObjectionCategory.values().length];
        byRules.stream().filter(o -> o.turn() == turn).forEach(o -> found[o.category().ordinal()] = 1);
        return Pooling.concat(Pooling.mean(rules, own), max(rules, own), Pooling.mean(rules, before),
                new double[] {position, Math.log1p(words)}, ObjectionJudge.similarities(rules, own), found);
    }

    /** Per dimension, the largest value over the sentences' unit vectors. */
    private static double[] max(RuleEvaluator rules, List<Sentence> sentences) {
        double[] out = new double[Pooling.DIMENSIONS];
        if (sentences.isEmpty()) {
            return out;
        }
        rules.embed(sentences);
        Arrays.fill(out, Double.NEGATIVE_INFINITY);
        for (Sentence s : sentences) {
            float[] v = rules.vector(s);
            for (int d = 0; d < out.length; d++) {
                out[d] = Math.max(out[d], v[d]);
            }
        }
        return out;
    }
}
