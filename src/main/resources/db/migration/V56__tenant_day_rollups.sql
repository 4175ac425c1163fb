-- Per tenant and day, without the team key: the Business and QA Overviews' per-day series over a whole tenant read
-- one row per day, direction, channel and source (a year of a million-call tenant: 4,380 rows instead of the 21,230
-- team-day rows they summed). Recomputed with the team roll-ups, from them, by the refresh job (Rollups).
CREATE TABLE daily_tenant_stats (LIKE daily_team_stats);
ALTER TABLE daily_tenant_stats DROP COLUMN team_id;
ALTER TABLE daily_tenant_stats ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id);
CREATE INDEX daily_tenant_stats_day ON daily_tenant_stats (tenant_id, day);
SELECT verbatim_enable_tenant_rls('daily_tenant_stats');

INSERT INTO daily_tenant_stats (tenant_id, day, direction, channel, source,
    conversations, failed, in_progress, analysed, duration_sum, duration_n, sentiment_negative, sentiment_neutral,
    sentiment_positive, trend_improving, trend_worsening, resolution_known, resolved, escalated, booking_known,
    booked, qual_hot, qual_warm, qual_cold, qual_unqualified, outcome_won, outcome_lost, outcome_open,
    deal_value_sum, qa_n, qa_sum, auto_failed, talk_ratio_sum, talk_ratio_n, monologue_sum, interruptions_sum,
    questions_sum, effort_sum, effort_n, needs_review, qa_histogram)
SELECT tenant_id, day, direction, channel, source,
    sum(conversations), sum(failed), sum(in_progress), sum(analysed), sum(duration_sum), sum(duration_n),
    sum(sentiment_negative), sum(sentiment_neutral), sum(sentiment_positive), sum(trend_improving),
    sum(trend_worsening), sum(resolution_known), sum(resolved), sum(escalated), sum(booking_known), sum(booked),
    sum(qual_hot), sum(qual_warm), sum(qual_cold), sum(qual_unqualified), sum(outcome_won), sum(outcome_lost),
    sum(outcome_open), sum(deal_value_sum), sum(qa_n), sum(qa_sum), sum(auto_failed), sum(talk_ratio_sum),
    sum(talk_ratio_n), sum(monologue_sum), sum(interruptions_sum), sum(questions_sum), sum(effort_sum),
    sum(effort_n), sum(needs_review),
    ARRAY[sum(qa_histogram[1])::int, sum(qa_histogram[2])::int, sum(qa_histogram[3])::int, sum(qa_histogram[4])::int,
          sum(qa_histogram[5])::int, sum(qa_histogram[6])::int, sum(qa_histogram[7])::int, sum(qa_histogram[8])::int,
          sum(qa_histogram[9])::int, sum(qa_histogram[10])::int]
FROM daily_team_stats GROUP BY tenant_id, day, direction, channel, source;

DO $$
BEGIN
    IF current_setting('server_version_num')::int >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON daily_tenant_stats TO ${app_role}';
    END IF;
END $$;
ANALYZE daily_tenant_stats;
