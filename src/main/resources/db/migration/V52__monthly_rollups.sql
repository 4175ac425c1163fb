-- Issue 18: the 365-day dashboards summed a year of daily roll-up rows (as admin: 21,000 team-stat rows for the totals,
-- 79,000 count rows for the top reasons/objections/trackers, 71,000 QA item rows, and for the agent ranking 118,000
-- per-agent rows at 1M calls). The same roll-ups summed per calendar month serve the whole months of a window (the
-- daily rows only its first and last partial months), as the CSR metrics do since V49 (platform MonthSplit).
--
-- Each monthly table has exactly the columns of its daily table, `day` being the month's first day, so one query
-- reads both with UNION ALL. Kept by Rollups.refresh in the same transaction that recomputes the days: a month is
-- summed again from its daily rows whenever one of its days changed, so it is always exactly the sum of its days.
CREATE TABLE monthly_conversation_stats (LIKE daily_conversation_stats INCLUDING DEFAULTS);
ALTER TABLE monthly_conversation_stats ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id);
CREATE INDEX monthly_conversation_stats_day ON monthly_conversation_stats (tenant_id, day);
CREATE INDEX monthly_conversation_stats_agent ON monthly_conversation_stats (tenant_id, agent_key, day);
SELECT verbatim_enable_tenant_rls('monthly_conversation_stats');

CREATE TABLE monthly_conversation_counts (LIKE daily_conversation_counts INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE monthly_conversation_counts ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id);
CREATE INDEX monthly_conversation_counts_day ON monthly_conversation_counts (tenant_id, day);
CREATE INDEX monthly_conversation_counts_agent ON monthly_conversation_counts (tenant_id, agent_key, day);
SELECT verbatim_enable_tenant_rls('monthly_conversation_counts');

CREATE TABLE monthly_qa_items (LIKE daily_qa_items INCLUDING DEFAULTS);
ALTER TABLE monthly_qa_items ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id);
CREATE INDEX monthly_qa_items_day ON monthly_qa_items (tenant_id, day);
CREATE INDEX monthly_qa_items_agent ON monthly_qa_items (tenant_id, agent_key, day);
SELECT verbatim_enable_tenant_rls('monthly_qa_items');

CREATE TABLE monthly_team_stats (LIKE daily_team_stats INCLUDING DEFAULTS);
ALTER TABLE monthly_team_stats ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id);
CREATE INDEX monthly_team_stats_day ON monthly_team_stats (tenant_id, day);
SELECT verbatim_enable_tenant_rls('monthly_team_stats');

CREATE TABLE monthly_team_counts (LIKE daily_team_counts INCLUDING DEFAULTS);
ALTER TABLE monthly_team_counts ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id);
CREATE INDEX monthly_team_counts_day ON monthly_team_counts (tenant_id, day);
SELECT verbatim_enable_tenant_rls('monthly_team_counts');

CREATE TABLE monthly_team_qa_items (LIKE daily_team_qa_items INCLUDING DEFAULTS);
ALTER TABLE monthly_team_qa_items ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id);
CREATE INDEX monthly_team_qa_items_day ON monthly_team_qa_items (tenant_id, day);
SELECT verbatim_enable_tenant_rls('monthly_team_qa_items');

-- Every month that has daily rows, summed once. The QA score histogram only over day rows with a score: the QA
-- Overview counts only those (a day row's last bucket also counts its unscored calls), so a month keeps what it counts. (the same statements as RollupSql's MONTHLY_*, over all months).
INSERT INTO monthly_conversation_stats
SELECT tenant_id, date_trunc('month', day)::date, agent_key, agent_user_id, max(agent_name), team_id, direction, channel,
    source, sum(conversations), sum(failed), sum(in_progress), sum(analysed), sum(duration_sum), sum(duration_n),
    sum(sentiment_negative), sum(sentiment_neutral), sum(sentiment_positive), sum(trend_improving), sum(trend_worsening),
    sum(resolution_known), sum(resolved), sum(escalated), sum(booking_known), sum(booked), sum(qual_hot), sum(qual_warm),
    sum(qual_cold), sum(qual_unqualified), sum(outcome_won), sum(outcome_lost), sum(outcome_open), sum(deal_value_sum),
    sum(qa_n), sum(qa_sum), sum(auto_failed),
    ARRAY[(sum(qa_histogram[1]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[2]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[3]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[4]) FILTER (WHERE qa_n > 0))::int,
          (sum(qa_histogram[5]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[6]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[7]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[8]) FILTER (WHERE qa_n > 0))::int,
          (sum(qa_histogram[9]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[10]) FILTER (WHERE qa_n > 0))::int],
    sum(talk_ratio_sum), sum(talk_ratio_n), sum(monologue_sum), sum(interruptions_sum), sum(questions_sum), sum(effort_sum),
    sum(effort_n), sum(needs_review)
FROM daily_conversation_stats
GROUP BY tenant_id, date_trunc('month', day)::date, agent_key, agent_user_id, team_id, direction, channel, source;

INSERT INTO monthly_conversation_counts
SELECT tenant_id, date_trunc('month', day)::date, agent_key, agent_user_id, team_id, kind, key, sum(conversations)
FROM daily_conversation_counts
GROUP BY tenant_id, date_trunc('month', day)::date, agent_key, agent_user_id, team_id, kind, key;

INSERT INTO monthly_qa_items
SELECT tenant_id, date_trunc('month', day)::date, agent_key, agent_user_id, team_id, scorecard, section, item_key,
    sum(met), sum(not_met)
FROM daily_qa_items
GROUP BY tenant_id, date_trunc('month', day)::date, agent_key, agent_user_id, team_id, scorecard, section, item_key;

INSERT INTO monthly_team_stats
SELECT tenant_id, date_trunc('month', day)::date, team_id, direction, channel, source, sum(conversations), sum(failed),
    sum(in_progress), sum(analysed), sum(duration_sum), sum(duration_n), sum(sentiment_negative), sum(sentiment_neutral),
    sum(sentiment_positive), sum(trend_improving), sum(trend_worsening), sum(resolution_known), sum(resolved),
    sum(escalated), sum(booking_known), sum(booked), sum(qual_hot), sum(qual_warm), sum(qual_cold), sum(qual_unqualified),
    sum(outcome_won), sum(outcome_lost), sum(outcome_open), sum(deal_value_sum), sum(qa_n), sum(qa_sum), sum(auto_failed),
    ARRAY[(sum(qa_histogram[1]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[2]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[3]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[4]) FILTER (WHERE qa_n > 0))::int,
          (sum(qa_histogram[5]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[6]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[7]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[8]) FILTER (WHERE qa_n > 0))::int,
          (sum(qa_histogram[9]) FILTER (WHERE qa_n > 0))::int, (sum(qa_histogram[10]) FILTER (WHERE qa_n > 0))::int],
    sum(talk_ratio_sum), sum(talk_ratio_n), sum(monologue_sum), sum(interruptions_sum), sum(questions_sum), sum(effort_sum),
    sum(effort_n), sum(needs_review)
FROM daily_team_stats
GROUP BY tenant_id, date_trunc('month', day)::date, team_id, direction, channel, source;

INSERT INTO monthly_team_counts
SELECT tenant_id, date_trunc('month', day)::date, team_id, kind, key, sum(conversations)
FROM daily_team_counts
GROUP BY tenant_id, date_trunc('month', day)::date, team_id, kind, key;

INSERT INTO monthly_team_qa_items
SELECT tenant_id, date_trunc('month', day)::date, team_id, scorecard, section, item_key, sum(met), sum(not_met)
FROM daily_team_qa_items
GROUP BY tenant_id, date_trunc('month', day)::date, team_id, scorecard, section, item_key;
-- A rare length range (15 calls of a year under 30 s at 1M): the calls of the current tenant whose length lies in
-- [low, high], read from the length index (tenant, coalesce(duration, -1)) as the owner (row-level security keeps that
-- expression index out of the application role's plans; coalesce is not leakproof), at most cap of them (null: all).
CREATE FUNCTION verbatim_length_matches(low double precision, high double precision, cap integer) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
    SELECT id FROM conversations
    WHERE tenant_id = current_setting('app.tenant_id', true)
      AND coalesce(duration_seconds, -1) >= low AND coalesce(duration_seconds, -1) <= high
    LIMIT cap
$fn$;
REVOKE ALL ON FUNCTION verbatim_length_matches(double precision, double precision, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION verbatim_length_matches(double precision, double precision, integer) TO ${app_role};
