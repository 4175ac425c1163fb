package io.verbatim.analysis;

import java.util.List;

/**
 * A QA scorecard.
 *
 * @param appliesTo     which conversations it is chosen for
 * @param priority      higher wins when several apply (then the more specific selector, then config order)
 * @param passThreshold overall score (0-100) needed to pass
 */
public record Scorecard(String key, String name, String description, ScorecardSelector appliesTo, int priority,
                        double passThreshold, List<ScorecardSection> sections) {

    public Scorecard {
        appliesTo = appliesTo == null ? ScorecardSelector.ALL : appliesTo;
        sections = sections == null ? List.of() : List.copyOf(sections);
    }
}
