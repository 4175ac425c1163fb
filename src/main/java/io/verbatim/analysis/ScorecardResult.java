package io.verbatim.analysis;

import java.util.List;

/**
 * A scored conversation.
 *
 * @param score         0-100: sections' scores weighted by section weight (sections with no applicable
 *                      item left out); 0 when auto-failed; null when nothing applied
 * @param rawScore      the same before auto-fail
 * @param passed        score >= the scorecard's pass threshold
 * @param autoFailedBy  keys of the auto-fail items that failed
 */
public record ScorecardResult(String scorecard, String name, Double score, Double rawScore, boolean passed,
                              boolean autoFailed, List<String> autoFailedBy, List<SectionResult> sections,
                              List<ItemResult> items) {

    public ScorecardResult {
        autoFailedBy = autoFailedBy == null ? List.of() : List.copyOf(autoFailedBy);
        sections = sections == null ? List.of() : List.copyOf(sections);
        items = items == null ? List.of() : List.copyOf(items);
    }

    public ItemResult item(String key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst().orElse(null);
    }
}
