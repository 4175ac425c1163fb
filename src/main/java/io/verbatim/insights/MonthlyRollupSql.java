package io.verbatim.insights;

import java.util.List;

/**
 * The statements that sum the daily roll-ups of some calendar months into the monthly ones ({@code monthly_*}, V52):
 * same columns, {@code day} being the month's first day. A month is always summed again from all its days, so it
 * stays exactly their sum under re-analysis and deletion.
 */
final class MonthlyRollupSql {

    /** The daily tables, in the order {@link #DELETE} and {@link #INSERT} name them. */
    static final List<String> TABLES = List.of("conversation_stats", "conversation_counts", "qa_items", "team_stats",
            "team_counts", "team_qa_items");

    /** The SELECT list after (tenant_id, month) and the GROUP BY keys, per table. */
    private static final List<String[]> COLUMNS = List.of(
            new String[] {"agent_key, agent_user_id, max(agent_name), team_id, direction, channel, source, " + stats(),
                    "agent_key, agent_user_id, team_id, direction, channel, source"},
            new String[] {"agent_key, agent_user_id, team_id, kind, key, sum(conversations)",
                    "agent_key, agent_user_id, team_id, kind, key"},
            new String[] {"agent_key, agent_user_id, team_id, scorecard, section, item_key, sum(met), sum(not_met)",
                    "agent_key, agent_user_id, team_id, scorecard, section, item_key"},
            new String[] {"team_id, direction, channel, source, " + stats(), "team_id, direction, channel, source"},
            new String[] {"team_id, kind, key, sum(conversations)", "team_id, kind, key"},
            new String[] {"team_id, scorecard, section, item_key, sum(met), sum(not_met)",
                    "team_id, scorecard, section, item_key"});

    static final List<String> DELETE = TABLES.stream()
            .map(t -> "DELETE FROM monthly_" + t + " WHERE tenant_id = :tenant AND day = ANY(CAST(:months AS date[]))")
            .toList();

    static final List<String> INSERT = java.util.stream.IntStream.range(0, TABLES.size()).mapToObj(i -> """
            INSERT INTO monthly_%1$s
            SELECT c.tenant_id, m.month, %2$s
            FROM unnest(CAST(:months AS date[])) AS m(month)
            JOIN daily_%1$s c ON c.tenant_id = :tenant AND c.day >= m.month AND c.day < (m.month + interval '1 month')::date
            GROUP BY c.tenant_id, m.month, %3$s""".formatted(TABLES.get(i), COLUMNS.get(i)[0], COLUMNS.get(i)[1])).toList();

    /**
     * The summed measure columns in table order (after source), the histogram summed per bucket over the days' rows
     * with a score: the dashboards count only those (a day row's last bucket also counts its unscored calls), so a month
     * keeps only what they would count.
     */
    private static String stats() {
        return """
                sum(conversations), sum(failed), sum(in_progress), sum(analysed), sum(duration_sum), sum(duration_n),
                sum(sentiment_negative), sum(sentiment_neutral), sum(sentiment_positive), sum(trend_improving),
                sum(trend_worsening), sum(resolution_known), sum(resolved), sum(escalated), sum(booking_known), sum(booked),
                sum(qual_hot), sum(qual_warm), sum(qual_cold), sum(qual_unqualified), sum(outcome_won), sum(outcome_lost),
                sum(outcome_open), sum(deal_value_sum), sum(qa_n), sum(qa_sum), sum(auto_failed), %s, sum(talk_ratio_sum),
                sum(talk_ratio_n), sum(monologue_sum), sum(interruptions_sum), sum(questions_sum), sum(effort_sum),
                sum(effort_n), sum(needs_review)""".formatted(histogram());
    }

    private static String histogram() {
        StringBuilder buckets = new StringBuilder("ARRAY[");
        for (int i = 1; i <= 10; i++) {
            buckets.append(i > 1 ? ", " : "").append("(sum(qa_histogram[").append(i).append("]) FILTER (WHERE qa_n > 0))::int");
        }
        return buckets.append(']').toString();
    }

    private MonthlyRollupSql() {
    }
}
