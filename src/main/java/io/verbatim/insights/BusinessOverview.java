package io.verbatim.insights;

import java.util.List;
import java.util.Map;

/**
 * The Business Overview for a period: rates are shares of the conversations where the figure is known
 * (resolution of analysed calls, booking of calls where booking applied...), {@code null} when none.
 * {@code needsReview}: analysed conversations with at least one low-confidence judgment; the share is of analysed ones.
 */
public record BusinessOverview(Period period, Totals totals, Series volumeByDirection, Series volumeByChannel,
                               Series volumeBySource, Series sentiment, Map<String, Long> sentimentMix,
                               Map<String, Long> qualificationMix, List<Count> callReasons, List<Count> objections,
                               List<Count> trackers, boolean stale) {

    public record Totals(long conversations, long analysed, long failed, long inProgress, Double averageHandleSeconds,
                         Double resolutionRate, Double escalationRate, Double bookingRate, Double winRate,
                         Double wonDealValue, Double averageQaScore, Double averageCustomerEffort,
                         long needsReview, Double needsReviewShare) {
    }
}
