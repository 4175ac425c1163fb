package io.verbatim.analysis.internal.rules;

import io.verbatim.analysis.Condition;
import java.util.List;

/**
 * How sure a condition's outcome is, from how near its semantic leaves came to the other outcome.
 *
 * <p>A semantic leaf's margin is the distance of its best sentence from the threshold. The two sides
 * are not alike, as measured on the labelled development calls (docs/analysis-evaluation.md): a leaf
 * that holds is nearly always right even just above the threshold, while one that does not hold is
 * often wrong up to about 0.1 below it (the item was done in words the examples do not cover). So a
 * holding leaf is sure quickly ({@link #MET_SCALE}) and a failing one only once it is clearly below
 * ({@link #NOT_MET_OFFSET}, {@link #NOT_MET_SCALE}). Every other leaf (phrases, patterns, names,
 * questions, attributes) is decided exactly on the text: 1.0 here, meaning "not a matter of nearness"
 * (its errors are of wording, measured separately).
 *
 * <p>Combinations follow what it takes to flip them: a met any-of flips only when all its met parts
 * flip (the surest of them), an unmet one when any part does (the least sure); an all-of the other way
 * round. Call after {@link RuleEvaluator#evaluate} on the same condition; parts an all-of skipped after
 * its first failure are evaluated then (memoised, like any rule).
 */
public final class RuleCertainty {

    /** Not a matter of nearness: the outcome was decided by exact rules. */
    public static final double EXACT = 1.0;
    static final double MET_SCALE = 0.02;
    static final double NOT_MET_OFFSET = 0.08;
    static final double NOT_MET_SCALE = 0.05;

    private RuleCertainty() {
    }

    /** 0.5 (a coin toss) .. 0.95 for nearness-decided outcomes, {@link #EXACT} for exact ones. */
    public static double of(Condition condition, RuleEvaluator rules) {
        return switch (condition) {
            case Condition.Semantic s -> semantic(s, rules);
            case Condition.AnyOf any -> any.conditions().isEmpty() ? EXACT
                    : combine(any.conditions(), rules, rules.evaluate(any).met(), true);
            case Condition.AllOf all -> all.conditions().isEmpty() ? EXACT
                    : combine(all.conditions(), rules, !rules.evaluate(all).met(), false);
            case Condition.Not not -> of(not.condition(), rules);
            case Condition.Before b -> Math.min(of(b.first(), rules), of(b.then(), rules));
            case Condition.Count c -> of(c.condition(), rules);
            case Condition.Ref ref -> of(rules.referenced(ref.name()), rules);
            default -> EXACT;
        };
    }

    private static double semantic(Condition.Semantic s, RuleEvaluator rules) {
        boolean met = rules.evaluate(s).met();
        var nearest = rules.nearestSimilarity(s);
        if (nearest.isEmpty()) {
            return EXACT; // no sentence in scope: nothing could have made it hold
        }
        double margin = met ? nearest.getAsDouble() - s.threshold() : s.threshold() - nearest.getAsDouble();
        return met ? 0.5 + 0.45 * Math.tanh(Math.max(0, margin) / MET_SCALE)
                : 0.5 + 0.45 * Math.tanh(Math.max(0, margin - NOT_MET_OFFSET) / NOT_MET_SCALE);
    }

    /**
     * An any-of that holds (or an all-of that fails) flips only when every part that decided it flips:
     * the surest of the parts whose outcome is {@code deciding}. Otherwise any single part flips it: the
     * least sure of all.
     */
    private static double combine(List<Condition> parts, RuleEvaluator rules, boolean decidedByAll, boolean deciding) {
        double out = decidedByAll ? 0 : EXACT;
        for (Condition c : parts) {
            double certainty = of(c, rules);
            if (!decidedByAll) {
                out = Math.min(out, certainty);
            } else if (rules.evaluate(c).met() == deciding) {
                out = Math.max(out, certainty);
            }
        }
        return out;
    }
}
