package io.verbatim.insights;

import java.util.List;

/** The QA Overview for a period: scores over time, by section, the most-missed items and auto-fails. */
public record QaOverview(Period period, long scored, Double averageScore, long autoFailed, Series scoreByDay,
                         List<Long> scoreDistribution, List<SectionScore> sections, List<ItemMisses> mostMissed,
                         boolean stale) {

    /** Share of a section's applicable item checks that were met. */
    public record SectionScore(String scorecard, String section, long met, long notMet, Double metRate) {
    }

    public record ItemMisses(String scorecard, String section, String item, long met, long notMet, Double missRate) {
    }
}
