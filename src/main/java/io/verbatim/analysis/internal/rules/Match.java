package io.verbatim.analysis.internal.rules;

import io.verbatim.analysis.internal.text.Sentence;
import java.util.List;

/** A condition's outcome: whether it holds, and the sentences that made it hold (sorted, distinct). */
public record Match(boolean met, List<Sentence> hits) {

    public static final Match NO = new Match(false, List.of());
    public static final Match YES = new Match(true, List.of());

    public static Match of(List<Sentence> hits) {
        return new Match(!hits.isEmpty(), List.copyOf(hits));
    }

    public Sentence first() {
        return hits.isEmpty() ? null : hits.get(0);
    }
}
