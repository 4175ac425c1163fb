package io.verbatim.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words a tenant's QA config expects to be said: the phrases of its phrase rules, the examples of its semantic
 * rules and of its call reasons, in every scorecard item, tracker and named condition. Speech adaptation counts them in
 * the tenant's language model, so the scripted lines its scorecards listen for are the ones the recogniser expects.
 */
public final class ScriptedPhrases {

    private ScriptedPhrases() {
    }

    /** Each phrase once, in the config's order. */
    public static List<String> of(QaConfig config) {
        Set<String> out = new LinkedHashSet<>();
        config.conditions().values().forEach(c -> collect(c, out));
        for (Scorecard scorecard : config.scorecards()) {
            for (ScorecardSection section : scorecard.sections()) {
                for (ScorecardItem item : section.items()) {
                    collect(item.rule(), out);
                    collect(item.applicableWhen(), out);
                }
            }
        }
        config.trackers().forEach(t -> collect(t.rule(), out));
        config.callReasons().forEach(r -> out.addAll(r.examples()));
        return new ArrayList<>(out);
    }

    private static void collect(Condition condition, Set<String> out) {
        switch (condition) {
            case null -> { }
            case Condition.Phrase p -> {
                out.addAll(p.any());
                out.addAll(p.all());
            }
            case Condition.Semantic s -> out.addAll(s.examples());
            case Condition.AnyOf a -> a.conditions().forEach(c -> collect(c, out));
            case Condition.AllOf a -> a.conditions().forEach(c -> collect(c, out));
            case Condition.Not n -> collect(n.condition(), out);
            case Condition.Before b -> {
                collect(b.first(), out);
                collect(b.then(), out);
            }
            case Condition.Count c -> collect(c.condition(), out);
            default -> { } // regexes, questions, interruptions, names, attributes and references say no words of their own
        }
    }
}
