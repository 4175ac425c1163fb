-- The Calls Explorer's array filters (trackers, objection categories) as one row per (conversation, value),
-- with copies of the call's time, team and agent, so "this tracker, this scope, newest first" is one b-tree
-- range read in page order (docs/web.md, "How the explorer stays fast"). The GIN indexes on the arrays can
-- only hand back every match unordered (and not at all under row-level security, where @> is not leakproof),
-- so a scoped page either walked the scope's time index checking each call's arrays or collected every match.
CREATE TABLE conversation_labels (
    tenant_id       text        NOT NULL,
    conversation_id uuid        NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    kind            text        NOT NULL CHECK (kind IN ('tracker', 'objection')),
    value           text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    team_id         uuid,
    agent_user_id   uuid,
    PRIMARY KEY (conversation_id, kind, value)
);

INSERT INTO conversation_labels (tenant_id, conversation_id, kind, value, occurred_at, team_id, agent_user_id)
SELECT c.tenant_id, c.id, l.kind, l.value, c.occurred_at, c.team_id, c.agent_user_id
FROM analyses a
JOIN conversations c ON c.id = a.conversation_id
CROSS JOIN LATERAL (SELECT DISTINCT 'tracker' AS kind, v AS value FROM unnest(a.trackers) v
                    UNION SELECT 'objection', v FROM unnest(a.objection_categories) v) l
WHERE cardinality(a.trackers) > 0 OR cardinality(a.objection_categories) > 0;

-- One index per scope shape the explorer walks: the tenant, a team (or the unassigned calls), an agent. The
-- trailing id is the explorer's tie-break, so the index order is the page order.
CREATE INDEX conversation_labels_time ON conversation_labels (tenant_id, kind, value, occurred_at DESC, conversation_id);
CREATE INDEX conversation_labels_team ON conversation_labels (tenant_id, kind, value, team_id, occurred_at DESC, conversation_id);
CREATE INDEX conversation_labels_agent ON conversation_labels (tenant_id, kind, value, agent_user_id, occurred_at DESC, conversation_id);
SELECT verbatim_enable_tenant_rls('conversation_labels');

-- Kept in step with the analysis. Runs as the owner: the analysis writer need not be allowed to write labels,
-- and the rows are the analysis's own conversation's (same tenant, found by its key).
CREATE FUNCTION verbatim_analysis_labels_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.trackers IS NOT DISTINCT FROM NEW.trackers
            AND OLD.objection_categories IS NOT DISTINCT FROM NEW.objection_categories THEN
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
              UNION SELECT 'objection', v FROM unnest(NEW.objection_categories) v) l
        WHERE c.id = NEW.conversation_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER analyses_labels AFTER INSERT OR DELETE OR UPDATE OF trackers, objection_categories ON analyses
    FOR EACH ROW EXECUTE FUNCTION verbatim_analysis_labels_changed();

-- And with the call: reassigning it to another agent or team, or correcting its time (occurred_at is generated
-- from started_at and created_at, and a trigger cannot name a generated column).
CREATE FUNCTION verbatim_conversation_labels_moved() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
    UPDATE conversation_labels SET occurred_at = NEW.occurred_at, team_id = NEW.team_id, agent_user_id = NEW.agent_user_id
    WHERE conversation_id = NEW.id;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER conversations_labels AFTER UPDATE OF started_at, created_at, team_id, agent_user_id ON conversations
    FOR EACH ROW WHEN (OLD.occurred_at IS DISTINCT FROM NEW.occurred_at OR OLD.team_id IS DISTINCT FROM NEW.team_id
                       OR OLD.agent_user_id IS DISTINCT FROM NEW.agent_user_id)
    EXECUTE FUNCTION verbatim_conversation_labels_moved();

ANALYZE conversation_labels;
