package io.verbatim.analysis.internal.scoring;

import io.verbatim.analysis.Evidence;
import io.verbatim.analysis.ItemResult;
import io.verbatim.analysis.ItemStatus;
import io.verbatim.analysis.Scorecard;
import io.verbatim.analysis.ScorecardItem;
import io.verbatim.analysis.ScorecardResult;
import io.verbatim.analysis.ScorecardSection;
import io.verbatim.analysis.SectionResult;
import io.verbatim.analysis.internal.rules.Match;
import io.verbatim.analysis.internal.rules.RuleCertainty;
import io.verbatim.analysis.internal.rules.RuleEvaluator;
import io.verbatim.analysis.internal.text.Sentence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a conversation on a scorecard. Item: not applicable when its {@code applicable_when} does
 * not hold; otherwise met when its rule holds. An item passes when met, or, for must-not-occur items,
 * when not met. Section score = 100 x sum(weight of passed) / sum(weight of applicable). Overall =
 * section scores weighted by section weight, over sections with an applicable item. An auto-fail item
 * that fails sets the overall score to 0.
 */
public final class ScorecardEngine {

    /** Evidence kept per item (the first hits, in conversation order). */
    static final int MAX_EVIDENCE = 5;
    /**
     * Confidence of an item decided by exact rules only: their measured accuracy on calls nobody wrote
     * them for (0.90 on the written development calls, docs/analysis-evaluation.md).
     */
    static final double EXACT = 0.85;

    private ScorecardEngine() {
    }

    public static ScorecardResult score(Scorecard card, RuleEvaluator rules) {
        List<ItemResult> items = new ArrayList<>();
        for (ScorecardSection section : card.sections()) {
            for (ScorecardItem item : section.items()) {
                items.add(item(item, section, rules));
            }
        }
        return tally(card, items);
    }

    /**
     * The scores of given item results (by key; an item of the card without a result counts as not
     * applicable): the same arithmetic whoever judged the items, so an LLM's item results are scored
     * exactly like the rules'.
     */
    public static ScorecardResult tally(Scorecard card, List<ItemResult> results) {
        Map<String, ItemResult> byKey = new HashMap<>();
        results.forEach(r -> byKey.putIfAbsent(r.key(), r));
        List<ItemResult> items = new ArrayList<>();
        List<SectionResult> sections = new ArrayList<>();
        List<String> autoFailed = new ArrayList<>();
        double weighted = 0;
        double weights = 0;
        for (ScorecardSection section : card.sections()) {
            double applicable = 0;
            double passed = 0;
            int applicableCount = 0;
            int passedCount = 0;
            for (ScorecardItem item : section.items()) {
                ItemResult r = byKey.getOrDefault(item.key(), new ItemResult(item.key(), item.name(), section.key(),
                        ItemStatus.NOT_APPLICABLE, null, item.weight(), item.mustNotOccur(), item.autoFail(), List.of()));
                items.add(r);
                if (r.passed() == null) {
                    continue;
                }
                applicable += item.weight();
                applicableCount++;
                if (r.passed()) {
                    passed += item.weight();
                    passedCount++;
                } else if (item.autoFail()) {
                    autoFailed.add(item.key());
                }
            }
            Double score = applicable > 0 ? round(100 * passed / applicable) : null;
            sections.add(new SectionResult(section.key(), section.name(), section.weight(), score, applicableCount, passedCount));
            if (score != null) {
                weighted += section.weight() * score;
                weights += section.weight();
            }
        }
        Double raw = weights > 0 ? round(weighted / weights) : null;
        boolean failed = !autoFailed.isEmpty();
        Double score = raw == null ? null : failed ? 0.0 : raw;
        boolean pass = score != null && score >= card.passThreshold();
        return new ScorecardResult(card.key(), card.name(), score, raw, pass, failed, autoFailed, sections, items);
    }

    private static ItemResult item(ScorecardItem item, ScorecardSection section, RuleEvaluator rules) {
        if (item.applicableWhen() != null && !rules.evaluate(item.applicableWhen()).met()) {
            return new ItemResult(item.key(), item.name(), section.key(), ItemStatus.NOT_APPLICABLE, null, item.weight(),
                    item.mustNotOccur(), item.autoFail(), List.of());
        }
        Match m = rules.evaluate(item.rule());
        boolean passed = item.mustNotOccur() != m.met();
        return new ItemResult(item.key(), item.name(), section.key(), m.met() ? ItemStatus.MET : ItemStatus.NOT_MET,
                passed, item.weight(), item.mustNotOccur(), item.autoFail(), evidence(m.hits()));
    }

    /**
     * Confidence of each item's result: how near its semantic rules (and those of its applicability)
     * came to the other result ({@link RuleCertainty}). An item decided by exact rules only (phrases,
     * patterns, names) gets {@link #EXACT}: such a rule is right or wrong by its wording, not by nearness.
     */
    public static Map<String, Double> confidences(Scorecard card, RuleEvaluator rules) {
        Map<String, Double> out = new HashMap<>();
        for (ScorecardSection section : card.sections()) {
            for (ScorecardItem item : section.items()) {
                double c = RuleCertainty.EXACT;
                boolean applicable = true;
                if (item.applicableWhen() != null) {
                    applicable = rules.evaluate(item.applicableWhen()).met();
                    c = RuleCertainty.of(item.applicableWhen(), rules);
                }
                if (applicable) {
                    rules.evaluate(item.rule());
                    c = Math.min(c, RuleCertainty.of(item.rule(), rules));
                }
                out.put(item.key(), c == RuleCertainty.EXACT ? EXACT : c);
            }
        }
        return out;
    }

    static List<Evidence> evidence(List<Sentence> hits) {
        return hits.stream().limit(MAX_EVIDENCE).map(Sentence::evidence).toList();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
