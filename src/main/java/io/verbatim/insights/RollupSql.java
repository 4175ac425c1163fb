package io.verbatim.insights;

/** The statements that recompute a set of days of roll-ups from conversations and analyses. */
final class RollupSql {

    /** The conversations of the given UTC days, found through the (tenant, occurred_at) index. */
    private static final String DAYS = """
            FROM unnest(CAST(:days AS date[])) AS d(day)
            JOIN conversations c ON c.tenant_id = :tenant
                AND c.occurred_at >= (d.day::timestamp AT TIME ZONE 'UTC')
                AND c.occurred_at < ((d.day + 1)::timestamp AT TIME ZONE 'UTC')
            """;

    private static final String AGENT_KEY = "coalesce(c.agent_user_id::text, 'ref:' || c.agent_ref, '')";

    static final String STATS = """
            INSERT INTO daily_conversation_stats (tenant_id, day, agent_key, agent_user_id, agent_name, team_id, direction,
                channel, source, conversations, failed, in_progress, analysed, duration_sum, duration_n, sentiment_negative,
                sentiment_neutral, sentiment_positive, trend_improving, trend_worsening, resolution_known, resolved, escalated,
                booking_known, booked, qual_hot, qual_warm, qual_cold, qual_unqualified, outcome_won, outcome_lost,
                outcome_open, deal_value_sum, qa_n, qa_sum, auto_failed, qa_histogram, talk_ratio_sum, talk_ratio_n,
                monologue_sum, interruptions_sum, questions_sum, effort_sum, effort_n, needs_review)
            SELECT :tenant, d.day, %1$s, c.agent_user_id, max(c.agent_name), c.team_id, c.direction, c.channel, c.source,
                count(*), count(*) FILTER (WHERE c.status = 'failed'),
                count(*) FILTER (WHERE c.status IN ('received', 'processing')), count(a.conversation_id),
                coalesce(sum(c.duration_seconds), 0), count(c.duration_seconds),
                count(*) FILTER (WHERE a.customer_sentiment = 'negative'), count(*) FILTER (WHERE a.customer_sentiment = 'neutral'),
                count(*) FILTER (WHERE a.customer_sentiment = 'positive'),
                count(*) FILTER (WHERE a.sentiment_trend = 'improving'), count(*) FILTER (WHERE a.sentiment_trend = 'worsening'),
                count(a.resolution), count(*) FILTER (WHERE a.resolution = 'resolved'),
                count(*) FILTER (WHERE a.resolution = 'escalated'),
                count(*) FILTER (WHERE a.booking_status IN ('booked', 'not_booked')), count(*) FILTER (WHERE a.booking_status = 'booked'),
                count(*) FILTER (WHERE a.qualification = 'hot'), count(*) FILTER (WHERE a.qualification = 'warm'),
                count(*) FILTER (WHERE a.qualification = 'cold'), count(*) FILTER (WHERE a.qualification = 'unqualified'),
                count(*) FILTER (WHERE a.outcome = 'closed_won'), count(*) FILTER (WHERE a.outcome = 'closed_lost'),
                count(*) FILTER (WHERE a.outcome = 'open'), coalesce(sum(a.deal_value) FILTER (WHERE a.outcome = 'closed_won'), 0),
                count(a.qa_score), coalesce(sum(a.qa_score), 0), count(*) FILTER (WHERE a.auto_failed),
                ARRAY[%2$s],
                coalesce(sum(a.talk_ratio), 0), count(a.talk_ratio),
                coalesce(sum(a.agent_longest_monologue), 0), coalesce(sum(a.agent_interruptions), 0),
                coalesce(sum(a.agent_questions), 0), coalesce(sum(a.customer_effort), 0), count(a.customer_effort),
                count(*) FILTER (WHERE cardinality(a.needs_review) > 0)
            %3$s
            LEFT JOIN analyses a ON a.conversation_id = c.id
            GROUP BY d.day, %1$s, c.agent_user_id, c.team_id, c.direction, c.channel, c.source
            """.formatted(AGENT_KEY, histogram(), DAYS);

    static final String COUNTS = """
            INSERT INTO daily_conversation_counts (tenant_id, day, agent_key, agent_user_id, team_id, kind, key, conversations)
            SELECT :tenant, d.day, %1$s, c.agent_user_id, c.team_id, k.kind, k.key, count(DISTINCT c.id)
            %2$s
            JOIN analyses a ON a.conversation_id = c.id
            CROSS JOIN LATERAL (
                SELECT 'call_reason', a.call_reason WHERE a.call_reason IS NOT NULL
                UNION ALL SELECT 'objection', o FROM unnest(a.objection_categories) o
                UNION ALL SELECT 'tracker', t FROM unnest(a.trackers) t) AS k(kind, key)
            GROUP BY d.day, %1$s, c.agent_user_id, c.team_id, k.kind, k.key
            """.formatted(AGENT_KEY, DAYS);

    static final String QA_ITEMS = """
            INSERT INTO daily_qa_items (tenant_id, day, agent_key, agent_user_id, team_id, scorecard, section, item_key, met, not_met)
            SELECT :tenant, d.day, %1$s, c.agent_user_id, c.team_id, q.scorecard, coalesce(q.section, ''), q.item_key,
                count(*) FILTER (WHERE q.result = 'met'), count(*) FILTER (WHERE q.result = 'not_met')
            %2$s
            JOIN qa_item_results q ON q.conversation_id = c.id
            GROUP BY d.day, %1$s, c.agent_user_id, c.team_id, q.scorecard, coalesce(q.section, ''), q.item_key
            """.formatted(AGENT_KEY, DAYS);

    private static final java.util.List<String> SUMMED = java.util.List.of("conversations", "failed", "in_progress", "analysed",
            "duration_sum", "duration_n", "sentiment_negative", "sentiment_neutral", "sentiment_positive", "trend_improving",
            "trend_worsening", "resolution_known", "resolved", "escalated", "booking_known", "booked", "qual_hot", "qual_warm",
            "qual_cold", "qual_unqualified", "outcome_won", "outcome_lost", "outcome_open", "deal_value_sum", "qa_n", "qa_sum",
            "auto_failed", "talk_ratio_sum", "talk_ratio_n", "monologue_sum", "interruptions_sum", "questions_sum",
            "effort_sum", "effort_n", "needs_review");

    /** The per-team roll-ups of the given days, summed from the per-agent ones. */
    static final String TEAM_STATS = summed("daily_team_stats", "daily_conversation_stats", "team_id, direction, channel, source");

    /** The per-tenant day roll-ups of the given days (V56), summed from the per-team ones. */
    static final String TENANT_STATS = summed("daily_tenant_stats", "daily_team_stats", "direction, channel, source");

    static final String TEAM_COUNTS = """
            INSERT INTO daily_team_counts (tenant_id, day, team_id, kind, key, conversations)
            SELECT tenant_id, day, team_id, kind, key, sum(conversations) FROM daily_conversation_counts
            WHERE tenant_id = :tenant AND day = ANY(CAST(:days AS date[])) GROUP BY tenant_id, day, team_id, kind, key
            """;

    static final String TEAM_QA_ITEMS = """
            INSERT INTO daily_team_qa_items (tenant_id, day, team_id, scorecard, section, item_key, met, not_met)
            SELECT tenant_id, day, team_id, scorecard, section, item_key, sum(met), sum(not_met) FROM daily_qa_items
            WHERE tenant_id = :tenant AND day = ANY(CAST(:days AS date[]))
            GROUP BY tenant_id, day, team_id, scorecard, section, item_key
            """;

    /** Sums the day rows of {@code source} into {@code target} by (tenant, day, {@code keys}). */
    private static String summed(String target, String source, String keys) {
        String columns = String.join(", ", SUMMED);
        StringBuilder sums = new StringBuilder();
        for (String column : SUMMED) {
            sums.append("sum(").append(column).append("), ");
        }
        StringBuilder histogram = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            histogram.append(i > 1 ? ", " : "").append("sum(qa_histogram[").append(i).append("])::int");
        }
        return """
                INSERT INTO %1$s (tenant_id, day, %3$s, %4$s, qa_histogram)
                SELECT tenant_id, day, %3$s, %5$sARRAY[%6$s]
                FROM %2$s WHERE tenant_id = :tenant AND day = ANY(CAST(:days AS date[]))
                GROUP BY tenant_id, day, %3$s
                """.formatted(target, source, keys, columns, sums, histogram);
    }

    /** Ten buckets of QA score: [0,10), [10,20) ... [90,100]. */
    private static String histogram() {
        StringBuilder buckets = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i > 0) {
                buckets.append(", ");
            }
            buckets.append("count(*) FILTER (WHERE least(floor(a.qa_score / 10), 9) = ").append(i).append(")::int");
        }
        return buckets.toString();
    }

    private RollupSql() {
    }
}
