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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Objections from a trained classifier over each customer turn: what the customer said and what the agent
 * said just before (pushback mostly answers a price, a proposed time or a request to book). One sigmoid per
 * category, each with the threshold cross-validation chose, so a turn can carry two categories as the
 * labels allow. The sigmoids are blended with the votes of the nearest labelled customer sentences of the
 * training calls ({@link ObjectionNeighbours}) before the thresholds apply. Absent a model, or for a language it
 * was not trained on, the rule and prototype judges stand.
 */
public final class LearnedObjections {

    public static final String FEATURES = "objections-v2n: turn mean, previous agent turn mean, position, log words, prototype similarities, rule finder; thresholds on a blend with 10 nearest labelled sentences";
    private static final Optional<LinearModel> MODEL = LinearModel.load("objections", FEATURES);

    private LearnedObjections() {
    }

    public static boolean applies(ConversationText text, RuleEvaluator rules) {
        return MODEL.isPresent() && ObjectionNeighbours.shipped().isPresent() && rules.embedder() != null
                && text.isLanguage("en");
    }

    public static List<Objection> find(ConversationText text, RuleEvaluator rules) {
        LinearModel model = MODEL.orElseThrow();
        ObjectionNeighbours neighbours = ObjectionNeighbours.shipped().orElseThrow();
        List<Objection> byRules = ObjectionFinder.find(text);
        List<Integer> customerTurns = new ArrayList<>();
        List<double[]> probabilities = new ArrayList<>();
        List<List<float[]>> sentences = new ArrayList<>();
        List<boolean[]> recurring = new ArrayList<>();
        for (int turn = 0; turn < text.turns().size(); turn++) {
            if (text.turn(turn).speaker() != Speaker.CUSTOMER || text.sentencesOf(turn).isEmpty()) {
                continue;
            }
            customerTurns.add(turn);
            probabilities.add(model.probabilities(features(text, rules, turn, byRules)));
            sentences.add(vectors(rules, text.sentencesOf(turn)));
            boolean[] marks = new boolean[text.sentencesOf(turn).size()];
            for (int i = 0; i < marks.length; i++) {
                marks[i] = RuleEvaluator.memoised(text.sentencesOf(turn).get(i));
            }
            recurring.add(marks);
        }
        // All the call's customer sentences go over the neighbour bank in one pass.
        List<double[]> votes = neighbours.votesEach(sentences, recurring);
        List<Objection> out = new ArrayList<>();
        for (int k = 0; k < customerTurns.size(); k++) {
            int turn = customerTurns.get(k);
            double[] p = neighbours.blend(probabilities.get(k), votes.get(k));
            for (int c = 0; c < p.length; c++) {
                if (p[c] >= model.thresholds()[c]) {
                    Sentence first = text.sentencesOf(turn).getFirst();
                    out.add(new Objection(ObjectionCategory.valueOf(model.classes().get(c).toUpperCase(Locale.ROOT)), turn,
                            first.start(), text.turn(turn).text()));
                }
            }
        }
        return out;
    }

    /** The sentences' unit vectors (what the neighbours are asked about). */
    public static List<float[]> vectors(RuleEvaluator rules, List<Sentence> sentences) {
        rules.embed(sentences);
        return sentences.stream().map(rules::vector).toList();
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
        return Pooling.concat(Pooling.mean(rules, own), Pooling.mean(rules, before),
                new double[] {position, Math.log1p(words)}, ObjectionJudge.similarities(rules, own), found);
    }
}
