package io.verbatim.analysis;

import java.util.List;

/** A group of items (an SOP stage, a mystery-shop criterion) with a weight in the overall score. */
public record ScorecardSection(String key, String name, double weight, List<ScorecardItem> items) {

    public ScorecardSection {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
