-- Roll-ups per team (no agent dimension), recomputed from the per-agent ones: dashboards over a whole
-- tenant or team read about an eighth of the rows (a year of a 60-agent tenant: ~30k rows, not ~250k).
CREATE TABLE daily_team_stats (LIKE daily_conversation_stats);
ALTER TABLE daily_team_stats DROP COLUMN agent_key, DROP COLUMN agent_user_id, DROP COLUMN agent_name;
ALTER TABLE daily_team_stats ADD FOREIGN KEY (tenant_id) REFERENCES tenants (id);
CREATE INDEX daily_team_stats_day ON daily_team_stats (tenant_id, day);
SELECT verbatim_enable_tenant_rls('daily_team_stats');

CREATE TABLE daily_team_counts (
    tenant_id     text NOT NULL REFERENCES tenants (id),
    day           date NOT NULL,
    team_id       uuid,
    kind          text NOT NULL,
    key           text NOT NULL,
    conversations integer NOT NULL
);
CREATE INDEX daily_team_counts_day ON daily_team_counts (tenant_id, day);
SELECT verbatim_enable_tenant_rls('daily_team_counts');

CREATE TABLE daily_team_qa_items (
    tenant_id text NOT NULL REFERENCES tenants (id),
    day       date NOT NULL,
    team_id   uuid,
    scorecard text NOT NULL,
    section   text NOT NULL,
    item_key  text NOT NULL,
    met       integer NOT NULL,
    not_met   integer NOT NULL
);
CREATE INDEX daily_team_qa_items_day ON daily_team_qa_items (tenant_id, day);
SELECT verbatim_enable_tenant_rls('daily_team_qa_items');

-- Built by the next refresh.
INSERT INTO rollup_changes (tenant_id, day) SELECT DISTINCT tenant_id, day FROM daily_conversation_stats;
