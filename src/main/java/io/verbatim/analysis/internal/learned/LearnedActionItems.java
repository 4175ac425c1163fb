package io.verbatim.analysis.internal.learned;

import io.verbatim.analysis.ActionItem;
import io.verbatim.analysis.Owner;
import io.verbatim.analysis.internal.insights.ActionItemFinder;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.rules.SentenceEmbedder;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Action items from a trained classifier over sentences: does this sentence state a follow-up still open at
 * the end, and whose (the business's or the customer's, whoever says it: "so you'll talk it over with Dana"
 * is the customer's). A sentence and its neighbours say the same thing often, so an item nearly the same as
 * one already taken (same owner, similar meaning) is dropped.
 */
public final class LearnedActionItems {

    public static final String FEATURES = "actions-v2: sentence, previous sentence, speaker, position, question, log words, rules' pick";
    public static final List<String> CLASSES = List.of("none", "agent", "customer");
    static final double SAME_ITEM = 0.8;
    private static final Optional<LinearModel> MODEL = LinearModel.load("action-items", FEATURES);

    private LearnedActionItems() {
    }

    public static boolean applies(ConversationText text, RuleEvaluator rules) {
        return MODEL.isPresent() && rules.embedder() != null && text.isLanguage("en");
    }

    public static List<ActionItem> find(ConversationText text, RuleEvaluator rules) {
        return find(text, rules, MODEL.orElseThrow(), MODEL.get().thresholds()[0]);
    }

    /** Items whose owner's probability reaches {@code threshold}, the most probable first among near-duplicates. */
    public static List<ActionItem> find(ConversationText text, RuleEvaluator rules, LinearModel model, double threshold) {
        rules.embed(text.sentences());
        java.util.Set<Integer> picked = picked(text);
        record Candidate(Sentence sentence, Owner owner, double p) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Sentence s : text.sentences()) {
            double[] p = model.probabilities(features(text, rules, s, picked));
            int best = p[1] >= p[2] ? 1 : 2;
            if (p[best] >= threshold) {
                candidates.add(new Candidate(s, best == 1 ? Owner.AGENT : Owner.CUSTOMER, p[best]));
            }
        }
        List<Candidate> kept = new ArrayList<>();
        candidates.stream().sorted((a, b) -> Double.compare(b.p(), a.p())).forEach(c -> {
            boolean duplicate = kept.stream().anyMatch(k -> k.owner() == c.owner()
                    && SentenceEmbedder.cosine(rules.vector(k.sentence()), rules.vector(c.sentence())) >= SAME_ITEM);
            if (!duplicate) {
                kept.add(c);
            }
        });
        kept.sort((a, b) -> Integer.compare(a.sentence().index(), b.sentence().index()));
        return kept.stream().map(c -> ActionItemFinder.item(c.owner(), c.sentence())).toList();
    }

    /** The sentences the rule-based finder took an item from (an input: the classifier learns where to trust it). */
    public static java.util.Set<Integer> picked(ConversationText text) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (ActionItem item : ActionItemFinder.find(text)) {
            if (item.evidence() == null) {
                continue;
            }
            for (Sentence s : text.sentencesOf(item.evidence().turn())) {
                if (s.text().contains(item.evidence().quote()) || item.evidence().quote().contains(s.text())) {
                    out.add(s.index());
                }
            }
        }
        return out;
    }

    public static double[] features(ConversationText text, RuleEvaluator rules, Sentence s, java.util.Set<Integer> picked) {
        List<Sentence> all = text.sentences();
        double[] own = Pooling.mean(rules, List.of(s));
        double[] previous = s.index() == 0 ? new double[Pooling.DIMENSIONS] : Pooling.mean(rules, List.of(all.get(s.index() - 1)));
        double position = all.size() <= 1 ? 0 : (double) s.index() / (all.size() - 1);
        return Pooling.concat(own, previous, new double[] {s.speaker() == Speaker.AGENT ? 1 : 0, position,
                s.questionMark() ? 1 : 0, Math.log1p(s.wordCount()), picked.contains(s.index()) ? 1 : 0});
    }
}
