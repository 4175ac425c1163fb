package io.verbatim.insights;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Summed roll-up columns for some slice of conversations. */
record Measures(long conversations, long failed, long inProgress, long analysed, double durationSum, long durationN,
                long negative, long neutral, long positive, long resolutionKnown, long resolved, long escalated,
                long bookingKnown, long booked, long hot, long warm, long cold, long unqualified, long won, long lost,
                double dealValue, long qaN, double qaSum, long autoFailed, double talkRatioSum, long talkRatioN,
                double monologueSum, long interruptions, long questions, long effortSum, long effortN,
                long needsReview) {

    /** The SELECT list that produces these columns from {@code daily_conversation_stats c}. */
    static final String SUMS = """
            sum(c.conversations) AS conversations, sum(c.failed) AS failed, sum(c.in_progress) AS in_progress,
            sum(c.analysed) AS analysed, sum(c.duration_sum) AS duration_sum, sum(c.duration_n) AS duration_n,
            sum(c.sentiment_negative) AS negative, sum(c.sentiment_neutral) AS neutral, sum(c.sentiment_positive) AS positive,
            sum(c.resolution_known) AS resolution_known, sum(c.resolved) AS resolved, sum(c.escalated) AS escalated,
            sum(c.booking_known) AS booking_known, sum(c.booked) AS booked, sum(c.qual_hot) AS hot, sum(c.qual_warm) AS warm,
            sum(c.qual_cold) AS cold, sum(c.qual_unqualified) AS unqualified, sum(c.outcome_won) AS won,
            sum(c.outcome_lost) AS lost, sum(c.deal_value_sum) AS deal_value, sum(c.qa_n) AS qa_n, sum(c.qa_sum) AS qa_sum,
            sum(c.auto_failed) AS auto_failed, sum(c.talk_ratio_sum) AS talk_ratio_sum, sum(c.talk_ratio_n) AS talk_ratio_n,
            sum(c.monologue_sum) AS monologue_sum, sum(c.interruptions_sum) AS interruptions, sum(c.questions_sum) AS questions,
            sum(c.effort_sum) AS effort_sum, sum(c.effort_n) AS effort_n, sum(c.needs_review) AS needs_review""";

    /** {@link #SUMS} with only what the Business Overview draws per day (volume, sentiment); the rest 0. */
    static final String VOLUME_SUMS = only(java.util.Set.of("conversations", "analysed", "negative", "neutral", "positive"));

    /** {@link #SUMS} with only what the QA Overview draws per day; the rest 0. */
    static final String QA_SUMS = only(java.util.Set.of("qa_n", "qa_sum", "auto_failed"));

    /** Reading the columns a per-day chart does not draw costs a sum each over every day's rows. */
    private static String only(java.util.Set<String> kept) {
        return java.util.Arrays.stream(SUMS.split(",")).map(String::strip).map(column -> {
            String name = column.substring(column.lastIndexOf(' ') + 1);
            return kept.contains(name) ? column : "0 AS " + name;
        }).collect(java.util.stream.Collectors.joining(", "));
    }

    static Measures read(ResultSet rs) throws SQLException {
        return new Measures(rs.getLong("conversations"), rs.getLong("failed"), rs.getLong("in_progress"),
                rs.getLong("analysed"), rs.getDouble("duration_sum"), rs.getLong("duration_n"), rs.getLong("negative"),
                rs.getLong("neutral"), rs.getLong("positive"), rs.getLong("resolution_known"), rs.getLong("resolved"),
                rs.getLong("escalated"), rs.getLong("booking_known"), rs.getLong("booked"), rs.getLong("hot"),
                rs.getLong("warm"), rs.getLong("cold"), rs.getLong("unqualified"), rs.getLong("won"), rs.getLong("lost"),
                rs.getDouble("deal_value"), rs.getLong("qa_n"), rs.getDouble("qa_sum"), rs.getLong("auto_failed"),
                rs.getDouble("talk_ratio_sum"), rs.getLong("talk_ratio_n"), rs.getDouble("monologue_sum"),
                rs.getLong("interruptions"), rs.getLong("questions"), rs.getLong("effort_sum"), rs.getLong("effort_n"),
                rs.getLong("needs_review"));
    }

    static Measures sum(List<Measures> all) {
        long[] l = new long[26];
        double[] d = new double[6];
        for (Measures m : all) {
            l[0] += m.conversations; l[1] += m.failed; l[2] += m.inProgress; l[3] += m.analysed; d[0] += m.durationSum;
            l[4] += m.durationN; l[5] += m.negative; l[6] += m.neutral; l[7] += m.positive; l[8] += m.resolutionKnown;
            l[9] += m.resolved; l[10] += m.escalated; l[11] += m.bookingKnown; l[12] += m.booked; l[13] += m.hot;
            l[14] += m.warm; l[15] += m.cold; l[16] += m.unqualified; l[17] += m.won; l[18] += m.lost; d[1] += m.dealValue;
            l[19] += m.qaN; d[2] += m.qaSum; l[20] += m.autoFailed; d[3] += m.talkRatioSum; l[21] += m.talkRatioN;
            d[4] += m.monologueSum; l[22] += m.interruptions; l[23] += m.questions; d[5] += m.effortSum; l[24] += m.effortN;
            l[25] += m.needsReview;
        }
        return new Measures(l[0], l[1], l[2], l[3], d[0], l[4], l[5], l[6], l[7], l[8], l[9], l[10], l[11], l[12], l[13],
                l[14], l[15], l[16], l[17], l[18], d[1], l[19], d[2], l[20], d[3], l[21], d[4], l[22], l[23], (long) d[5], l[24],
                l[25]);
    }

    /** Net customer sentiment: (positive - negative) / analysed, from -1 to 1. */
    Double sentimentScore() {
        return analysed == 0 ? null : (double) (positive - negative) / analysed;
    }

    BusinessOverview.Totals totals() {
        return new BusinessOverview.Totals(conversations, analysed, failed, inProgress, Dashboards.ratio(durationSum, durationN),
                Dashboards.ratio(resolved, resolutionKnown), Dashboards.ratio(escalated, resolutionKnown),
                Dashboards.ratio(booked, bookingKnown), Dashboards.ratio(won, won + lost), won + lost == 0 ? null : dealValue,
                Dashboards.ratio(qaSum, qaN), Dashboards.ratio(effortSum, effortN), needsReview,
                Dashboards.ratio(needsReview, analysed));
    }
}
