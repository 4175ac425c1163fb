-- The Calls Explorer's scoped shapes that still read far more than a page at a million calls (docs/web.md,
-- "Scoped explorer shapes (V48)").

-- A manager's scope is "my team's calls or the unassigned ones", two walks. The unassigned calls carrying a label
-- are few (9 of 7,200 for one tracker in a year), and the planner cannot see that: it walked the tenant's label
-- time index filtering team_id IS NULL. A partial index of the unassigned labels alone is one short range.
CREATE INDEX conversation_labels_unassigned ON conversation_labels (tenant_id, kind, value, occurred_at DESC, conversation_id)
    WHERE team_id IS NULL;

-- Auto-failed calls are a label too (kind 'flag'): 22,600 of a million, too many to collect and sort for a page, too
-- few for a walk of the calls (4,952 calls and their analyses read for 51). The label's time index is in page order.
ALTER TABLE conversation_labels DROP CONSTRAINT conversation_labels_kind_check,
    ADD CONSTRAINT conversation_labels_kind_check CHECK (kind IN ('tracker', 'objection', 'flag'));
INSERT INTO conversation_labels (tenant_id, conversation_id, kind, value, occurred_at, team_id, agent_user_id)
SELECT c.tenant_id, c.id, 'flag', 'auto_failed', c.occurred_at, c.team_id, c.agent_user_id
FROM analyses a JOIN conversations c ON c.id = a.conversation_id
WHERE a.auto_failed
ON CONFLICT DO NOTHING;

CREATE OR REPLACE FUNCTION verbatim_analysis_labels_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.trackers IS NOT DISTINCT FROM NEW.trackers
            AND OLD.objection_categories IS NOT DISTINCT FROM NEW.objection_categories
            AND OLD.auto_failed IS NOT DISTINCT FROM NEW.auto_failed THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM conversation_labels WHERE conversation_id = OLD.conversation_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO conversation_labels (tenant_id, conversation_id, kind, value, occurred_at, team_id, agent_user_id)
        SELECT c.tenant_id, c.id, l.kind, l.value, c.occurred_at, c.team_id, c.agent_user_id
        FROM conversations c,
             (SELECT 'tracker' AS kind, v AS value FROM unnest(NEW.trackers) v
              UNION SELECT 'objection', v FROM unnest(NEW.objection_categories) v
              UNION SELECT 'flag', 'auto_failed' WHERE NEW.auto_failed) l
        WHERE c.id = NEW.conversation_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$fn$;
DROP TRIGGER analyses_labels ON analyses;
CREATE TRIGGER analyses_labels AFTER INSERT OR DELETE OR UPDATE OF trackers, objection_categories, auto_failed ON analyses
    FOR EACH ROW EXECUTE FUNCTION verbatim_analysis_labels_changed();

-- The same branch with a word: its LIMIT walk read every unassigned call's search vector of the period (84,835
-- pages for 8 matches of "refund" in a year). The transcript now knows whether its call is unassigned, and a partial
-- full-text index of those transcripts alone finds the branch's matches directly. A boolean with a constant
-- default is a catalog change only; just the unassigned calls' transcripts are written.
ALTER TABLE transcripts ADD COLUMN unassigned boolean NOT NULL DEFAULT false;
UPDATE transcripts t SET unassigned = true FROM conversations c WHERE c.id = t.conversation_id AND c.team_id IS NULL;
CREATE INDEX transcripts_search_unassigned ON transcripts USING gin (search) WHERE unassigned;

-- Kept with the call: a transcript written for an unassigned call, and a call moved into or out of a team. Both run as
-- the owner (the writer need not read or write the other table) on rows of the same conversation, found by its key.
CREATE FUNCTION verbatim_transcript_unassigned() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
    NEW.unassigned := EXISTS (SELECT 1 FROM conversations WHERE id = NEW.conversation_id AND team_id IS NULL);
    RETURN NEW;
END
$fn$;
CREATE TRIGGER transcripts_unassigned BEFORE INSERT ON transcripts
    FOR EACH ROW EXECUTE FUNCTION verbatim_transcript_unassigned();

CREATE FUNCTION verbatim_conversation_team_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
    UPDATE transcripts SET unassigned = (NEW.team_id IS NULL)
    WHERE conversation_id = NEW.id AND unassigned IS DISTINCT FROM (NEW.team_id IS NULL);
    RETURN NULL;
END
$fn$;
CREATE TRIGGER conversations_transcript_unassigned AFTER UPDATE OF team_id ON conversations
    FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id)
    EXECUTE FUNCTION verbatim_conversation_team_changed();

-- The look-up and its estimate, as V15's for the whole tenant: @@ is not leakproof, so under row-level security the
-- index is used only by the owner; both restrict themselves to the transaction's tenant as the policy does and return
-- ids or a number only.
CREATE FUNCTION verbatim_unassigned_transcript_matches(q text) RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 100 AS $fn$
    SELECT conversation_id FROM transcripts
    WHERE unassigned AND tenant_id = current_setting('app.tenant_id', true) AND search @@ websearch_to_tsquery('english', q)
$fn$;

CREATE FUNCTION verbatim_unassigned_transcript_match_estimate(q text) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM transcripts WHERE unassigned AND tenant_id = $1 AND search @@ websearch_to_tsquery(''english'', $2)'
        INTO plan USING current_setting('app.tenant_id', true), q;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::bigint;
END
$fn$;

REVOKE ALL ON FUNCTION verbatim_unassigned_transcript_matches(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION verbatim_unassigned_transcript_match_estimate(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION verbatim_unassigned_transcript_matches(text) TO ${app_role};
GRANT EXECUTE ON FUNCTION verbatim_unassigned_transcript_match_estimate(text) TO ${app_role};

-- Longest or shortest first within a team's or an agent's calls: only the whole tenant's order had its index, so a
-- manager's or an agent's scope sorted all its calls of the period (0.75 s / 2 s for a year).
CREATE INDEX conversations_team_duration ON conversations (tenant_id, team_id, (coalesce(duration_seconds, -1)) DESC, id);
CREATE INDEX conversations_agent_duration ON conversations (tenant_id, agent_user_id, (coalesce(duration_seconds, -1)) DESC, id);

ANALYZE transcripts;
ANALYZE conversation_labels;
