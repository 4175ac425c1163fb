-- Dashboards, the calls explorer and their search: columns to filter on, full-text search over
-- transcripts, and daily roll-ups so dashboard queries stay fast at millions of conversations.

-- When a conversation happened: its start when known, otherwise when it reached us.
ALTER TABLE conversations ADD COLUMN occurred_at timestamptz GENERATED ALWAYS AS (coalesce(started_at, created_at)) STORED;
CREATE INDEX conversations_occurred ON conversations (tenant_id, occurred_at DESC, id);
CREATE INDEX conversations_agent_occurred ON conversations (tenant_id, agent_user_id, occurred_at DESC);
CREATE INDEX conversations_team_occurred ON conversations (tenant_id, team_id, occurred_at DESC);

-- Agent behaviour and what was mentioned, as columns for the explorer and agent dashboards.
ALTER TABLE analyses
    ADD COLUMN agent_interruptions     integer,
    ADD COLUMN agent_questions         integer,
    ADD COLUMN agent_longest_monologue real,
    ADD COLUMN trackers                text[] NOT NULL DEFAULT '{}',
    ADD COLUMN entities                text[] NOT NULL DEFAULT '{}';
CREATE INDEX analyses_trackers ON analyses USING gin (trackers);
CREATE INDEX analyses_entities ON analyses USING gin (entities);
CREATE INDEX analyses_score ON analyses (tenant_id, qa_score);

-- Full-text search over what was said. Built from the redacted turns when they exist, so that personal
-- data cannot be found by searching for it (search is offered to roles that only see redacted text).
ALTER TABLE transcripts ADD COLUMN search tsvector;
CREATE FUNCTION verbatim_transcript_search() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    NEW.search := to_tsvector('english', coalesce(
        (SELECT string_agg(t ->> 'text', ' ') FROM jsonb_array_elements(coalesce(NEW.redacted_turns, NEW.turns)) t), ''));
    RETURN NEW;
END
$fn$;
CREATE TRIGGER transcripts_search BEFORE INSERT OR UPDATE OF turns, redacted_turns ON transcripts
    FOR EACH ROW EXECUTE FUNCTION verbatim_transcript_search();
UPDATE transcripts SET turns = turns;
CREATE INDEX transcripts_search ON transcripts USING gin (search);

-- Days whose roll-ups are out of date. A row per change, never merged: a refresh deletes only the rows
-- it saw, so a change committed while a refresh runs leaves its row for the next one.
CREATE TABLE rollup_changes (
    id        bigserial PRIMARY KEY,
    tenant_id text NOT NULL REFERENCES tenants (id),
    day       date NOT NULL
);
CREATE INDEX rollup_changes_tenant ON rollup_changes (tenant_id, id);
SELECT verbatim_enable_tenant_rls('rollup_changes');

CREATE FUNCTION verbatim_conversation_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO rollup_changes (tenant_id, day) VALUES (OLD.tenant_id, (OLD.occurred_at AT TIME ZONE 'UTC')::date);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.occurred_at IS DISTINCT FROM OLD.occurred_at) THEN
        INSERT INTO rollup_changes (tenant_id, day) VALUES (NEW.tenant_id, (NEW.occurred_at AT TIME ZONE 'UTC')::date);
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER conversations_rollup AFTER INSERT OR DELETE OR UPDATE OF status, started_at, agent_user_id, agent_ref, agent_name,
    team_id, direction, channel, source, duration_seconds ON conversations
    FOR EACH ROW EXECUTE FUNCTION verbatim_conversation_changed();

CREATE FUNCTION verbatim_analysis_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    row_tenant text := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
    row_conversation uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.conversation_id ELSE NEW.conversation_id END;
BEGIN
    INSERT INTO rollup_changes (tenant_id, day)
        SELECT row_tenant, (c.occurred_at AT TIME ZONE 'UTC')::date FROM conversations c WHERE c.id = row_conversation;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER analyses_rollup AFTER INSERT OR UPDATE OR DELETE ON analyses
    FOR EACH ROW EXECUTE FUNCTION verbatim_analysis_changed();

-- One row per day and agent/team/direction/channel/source: counts and sums, never averages, so any
-- range and grouping adds up exactly.
CREATE TABLE daily_conversation_stats (
    tenant_id          text NOT NULL REFERENCES tenants (id),
    day                date NOT NULL,
    agent_key          text NOT NULL,
    agent_user_id      uuid,
    agent_name         text,
    team_id            uuid,
    direction          text NOT NULL,
    channel            text NOT NULL,
    source             text NOT NULL,
    conversations      integer NOT NULL,
    failed             integer NOT NULL,
    in_progress        integer NOT NULL,
    analysed           integer NOT NULL,
    duration_sum       double precision NOT NULL,
    duration_n         integer NOT NULL,
    sentiment_negative integer NOT NULL,
    sentiment_neutral  integer NOT NULL,
    sentiment_positive integer NOT NULL,
    trend_improving    integer NOT NULL,
    trend_worsening    integer NOT NULL,
    resolution_known   integer NOT NULL,
    resolved           integer NOT NULL,
    escalated          integer NOT NULL,
    booking_known      integer NOT NULL,
    booked             integer NOT NULL,
    qual_hot           integer NOT NULL,
    qual_warm          integer NOT NULL,
    qual_cold          integer NOT NULL,
    qual_unqualified   integer NOT NULL,
    outcome_won        integer NOT NULL,
    outcome_lost       integer NOT NULL,
    outcome_open       integer NOT NULL,
    deal_value_sum     double precision NOT NULL,
    qa_n               integer NOT NULL,
    qa_sum             double precision NOT NULL,
    auto_failed        integer NOT NULL,
    qa_histogram       integer[] NOT NULL,
    talk_ratio_sum     double precision NOT NULL,
    talk_ratio_n       integer NOT NULL,
    monologue_sum      double precision NOT NULL,
    interruptions_sum  integer NOT NULL,
    questions_sum      integer NOT NULL,
    effort_sum         integer NOT NULL,
    effort_n           integer NOT NULL
);
CREATE INDEX daily_conversation_stats_day ON daily_conversation_stats (tenant_id, day);
SELECT verbatim_enable_tenant_rls('daily_conversation_stats');

-- Conversations per day and agent with a given call reason, objection category or tracker.
CREATE TABLE daily_conversation_counts (
    tenant_id     text NOT NULL REFERENCES tenants (id),
    day           date NOT NULL,
    agent_key     text NOT NULL,
    agent_user_id uuid,
    team_id       uuid,
    kind          text NOT NULL CHECK (kind IN ('call_reason', 'objection', 'tracker')),
    key           text NOT NULL,
    conversations integer NOT NULL
);
CREATE INDEX daily_conversation_counts_day ON daily_conversation_counts (tenant_id, day);
SELECT verbatim_enable_tenant_rls('daily_conversation_counts');

-- Scorecard item results per day and agent.
CREATE TABLE daily_qa_items (
    tenant_id     text NOT NULL REFERENCES tenants (id),
    day           date NOT NULL,
    agent_key     text NOT NULL,
    agent_user_id uuid,
    team_id       uuid,
    scorecard     text NOT NULL,
    section       text NOT NULL,
    item_key      text NOT NULL,
    met           integer NOT NULL,
    not_met       integer NOT NULL
);
CREATE INDEX daily_qa_items_day ON daily_qa_items (tenant_id, day);
SELECT verbatim_enable_tenant_rls('daily_qa_items');

-- Everything already stored is out of date.
INSERT INTO rollup_changes (tenant_id, day)
    SELECT DISTINCT tenant_id, (occurred_at AT TIME ZONE 'UTC')::date FROM conversations;
