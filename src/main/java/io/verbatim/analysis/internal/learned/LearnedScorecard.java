package io.verbatim.analysis.internal.learned;

import io.verbatim.analysis.ItemResult;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.QaConfigs;
import io.verbatim.analysis.Scorecard;
import io.verbatim.analysis.ScorecardItem;
import io.verbatim.analysis.ScorecardResult;
import io.verbatim.analysis.ScorecardSection;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.scoring.ScorecardEngine;
import io.verbatim.analysis.internal.text.ConversationText;
import io.verbatim.analysis.internal.text.Sentence;
import io.verbatim.speech.Speaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Built-in scorecard items re-judged by trained classifiers that see the rule's verdict and how sure it was,
 * together with what the agent said (all of it, their first turn, the last third), deciding met or not met where
 * the rules found the item applicable. Only items whose model beat
 * the rules in cross-validation ship a model, and only a tenant's item that is still the built-in one (same key,
 * same rule) is re-judged: a company's own rule is its definition and stands.
 */
public final class LearnedScorecard {

    public static final String FEATURES = "qa-v1: rule verdict, rule confidence, agent mean, agent first turn, agent last third";
    /**
     * The same and the element-wise maximum of the agent's sentence vectors: one sentence of sympathy or one tip meets the
     * item, and the mean over a long call dilutes it.
     */
    public static final String FEATURES_MAX = "qa-v2: rule verdict, rule confidence, agent mean, agent first turn, agent last third,"
            + " agent max";
    /** Items whose judge reads {@link #FEATURES_MAX}: those where it beat {@link #FEATURES} leave-one-writer-out (QaExperiment). */
    static final java.util.Set<String> MAX_POOLED = java.util.Set.of("value_added");
    public static final List<String> CLASSES = List.of("true", "false", "null");
    private static final Map<String, Optional<LinearModel>> MODELS = new ConcurrentHashMap<>();
    private static final Map<String, Optional<SentenceMaxJudge>> SENTENCE_JUDGES = new ConcurrentHashMap<>();

    private LearnedScorecard() {
    }

    /**
     * The item's model: {@code qa3-<key>} decides all three results, applicability included (shipped where the labels'
     * "not applicable" is itself a judgment of the call and the model beat the rules at it); {@code qa-<key>} decides met
     * or not met where the rules found the item applicable.
     */
    public static Optional<LinearModel> model(String key) {
        return MODELS.computeIfAbsent(key, k -> LinearModel.load("qa3-" + k, featuresOf(k)).or(() -> LinearModel.load("qa-" + k, featuresOf(k))));
    }

    /**
     * The item's sentence-level judge ({@code qa-mil-<key>}), preferred to its {@code qa-} model where one ships: shipped
     * only where it beat the pooled judge leave-one-writer-out by the trainer's margin (docs/analysis-evaluation.md).
     */
    public static Optional<SentenceMaxJudge> sentenceJudge(String key) {
        return SENTENCE_JUDGES.computeIfAbsent(key, k -> SentenceMaxJudge.load("qa-mil-" + k));
    }

    /** The inputs the item's judge reads. */
    public static String featuresOf(String key) {
        return MAX_POOLED.contains(key) ? FEATURES_MAX : FEATURES;
    }

    static boolean decidesApplicability(LinearModel m) {
        return m.name().startsWith("qa3-");
    }

    /** The card with its built-in items re-judged where a model ships; confidences updated in {@code confidence}. */
    public static ScorecardResult rejudge(Scorecard card, ScorecardResult scored, ConversationText text, RuleEvaluator rules,
                                          Map<String, Double> confidence) {
        if (rules.embedder() == null || !text.isLanguage("en")) {
            return scored;
        }
        double[] pooled = null;
        double[] max = null;
        List<ItemResult> items = new ArrayList<>();
        boolean changed = false;
        for (ScorecardSection section : card.sections()) {
            for (ScorecardItem item : section.items()) {
                ItemResult r = scored.item(item.key());
                // An auto-fail item (identity verification) zeroes the whole score: it stays with rules that cite what was
                // said, never a classifier's judgment of the call as a whole.
                boolean ours = builtIn(item) && !item.autoFail();
                // A sentence-level judge, where one ships, replaces the item's pooled model.
                Optional<SentenceMaxJudge> sentenceJudge = ours ? sentenceJudge(item.key()) : Optional.empty();
                Optional<LinearModel> model = ours && sentenceJudge.isEmpty() ? model(item.key()) : Optional.empty();
                // Applicability stays the rules' (an item's applicable_when is the scorecard's own definition) unless the
                // item's model was trained to decide it too; otherwise the classifier decides met or not met where it applies.
                boolean all = model.isPresent() && decidesApplicability(model.get());
                if (r == null || (model.isEmpty() && sentenceJudge.isEmpty()) || (r.result() == ItemStatus.NOT_APPLICABLE && !all)) {
                    if (r != null) {
                        items.add(r);
                    }
                    continue;
                }
                if (pooled == null) {
                    pooled = agent(text, rules);
                }
                double ruleConfidence = confidence.getOrDefault(item.key(), 0.75);
                ItemStatus status;
                double sure;
                if (sentenceJudge.isPresent()) {
                    double met = sentenceJudge.get().probabilityMet(r.result().ordinal(), ruleConfidence, pooled, agentVectors(text, rules));
                    status = met >= 0.5 ? ItemStatus.MET : ItemStatus.NOT_MET;
                    sure = Math.max(met, 1 - met);
                } else {
                    if (max == null && model.get().features().equals(FEATURES_MAX)) {
                        max = agentMax(text, rules);
                    }
                    double[] p = model.get().probabilities(features(model.get().features(), r.result(), ruleConfidence, pooled, max));
                    int met = model.get().classes().indexOf("true");
                    int notMet = model.get().classes().indexOf("false");
                    int none = model.get().classes().indexOf("null");
                    status = p[met] >= p[notMet] ? ItemStatus.MET : ItemStatus.NOT_MET;
                    sure = Math.max(p[met], p[notMet]) / (p[met] + p[notMet]);
                    if (all && p[none] > Math.max(p[met], p[notMet])) {
                        status = ItemStatus.NOT_APPLICABLE;
                        sure = p[none];
                    } else if (all) {
                        sure = Math.max(p[met], p[notMet]);
                    }
                }
                Boolean passed = status == ItemStatus.NOT_APPLICABLE ? null : item.mustNotOccur() != (status == ItemStatus.MET);
                items.add(new ItemResult(r.key(), r.name(), r.section(), status, passed, r.weight(), r.mustNotOccur(), r.autoFail(),
                        status == r.result() ? r.evidence() : List.of()));
                confidence.put(item.key(), sure);
                changed |= status != r.result();
            }
        }
        return changed ? ScorecardEngine.tally(card, items) : scored;
    }

    /** Whether the tenant's item is the built-in one of that key (same rule and applicability). */
    static boolean builtIn(ScorecardItem item) {
        return BUILT_IN.computeIfAbsent(item.key(), k -> {
            List<ScorecardItem> defaults = new ArrayList<>();
            QaConfigs.defaults().scorecards().forEach(c -> c.sections().forEach(s -> s.items().stream()
                    .filter(i -> i.key().equals(k)).forEach(defaults::add)));
            return defaults;
        }).stream().anyMatch(d -> java.util.Objects.equals(d.rule(), item.rule())
                && java.util.Objects.equals(d.applicableWhen(), item.applicableWhen()));
    }

    private static final Map<String, List<ScorecardItem>> BUILT_IN = new ConcurrentHashMap<>();

    /** What the agent said, pooled: all of it, their first turn, their last third. */
    public static double[] agent(ConversationText text, RuleEvaluator rules) {
        List<Sentence> agent = agentSentences(text);
        List<Sentence> first = agent.isEmpty() ? List.of() : text.sentencesOf(agent.getFirst().turn());
        return Pooling.concat(Pooling.mean(rules, agent), Pooling.mean(rules, first), Pooling.mean(rules, LearnedSentiment.third(agent, 2)));
    }

    /** The agent's sentence vectors, in order. */
    static List<float[]> agentVectors(ConversationText text, RuleEvaluator rules) {
        return agentSentences(text).stream().map(rules::vector).toList();
    }

    private static List<Sentence> agentSentences(ConversationText text) {
        return text.sentences().stream().filter(s -> s.speaker() == Speaker.AGENT).toList();
    }

    /** The element-wise maximum of the agent's sentence vectors. */
    public static double[] agentMax(ConversationText text, RuleEvaluator rules) {
        return Pooling.max(rules, agentSentences(text));
    }

    /** The judge's inputs for {@code features} ({@link #FEATURES} or {@link #FEATURES_MAX}; {@code agentMax} only for the latter). */
    public static double[] features(String features, ItemStatus ruleVerdict, double ruleConfidence, double[] agent, double[] agentMax) {
        double[] head = Pooling.concat(Pooling.oneHot(ruleVerdict.ordinal(), ItemStatus.values().length, 1), new double[] {ruleConfidence}, agent);
        return features.equals(FEATURES_MAX) ? Pooling.concat(head, agentMax) : head;
    }
}
