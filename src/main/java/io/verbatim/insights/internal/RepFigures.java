package io.verbatim.insights.internal;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One sales rep's figures for a period (issue 13, exec sales metrics). Rates are null when their denominator is 0.
 *
 * @param winRate             closed_won / completed appointments, as issue 13 defines it: a run appointment whose outcome
 *                            is still open counts against it
 * @param closeRateDecided    closed_won / (closed_won + closed_lost) over completed appointments, the rep win rate of
 *                            ANCHORS.md ("won / (won + lost)"): only decided appointments; no-shows are reported apart
 * @param processGrade        mean QA score (SOP compliance) of the rep's analysed field-visit conversations
 * @param autoUsage           completed appointments with a field-visit recording that was analysed / completed ones
 * @param pendingLeads        open leads (new, qualified, pending) assigned to the rep now, whatever the period
 */
record RepFigures(UUID repId, String name, long appointments, long completed, long noShows, long cancelled,
                  long closedWon, long closedLost, BigDecimal wonDealValue, Double winRate, Double closeRateDecided,
                  double totalRecordedHours,
                  long visitsRecorded, long visitsGraded, Double processGrade, long visitsRecordedAndAnalysed,
                  Double autoUsage, long pendingLeads) {

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
