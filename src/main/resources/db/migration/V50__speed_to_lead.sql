-- Issue 13, speed-to-lead (docs/csr.md, "Speed-to-lead"): for each contact's first lead (its first inbound lead call
-- or missed call), the time to the business's first response (an answered call with agent speech, an outbound call,
-- an SMS sent to the contact). Finding "first" per request would probe every lead call of the window for an earlier
-- one, so one row per contact is kept here by triggers in the same transaction as every write to conversations,
-- analyses and messages, recomputed from the definition lead_responses_of (also used by the backfill and by the
-- test that compares both), under a transaction advisory lock per contact as V43 does per CSR.

CREATE TABLE lead_responses (
    tenant_id            text NOT NULL,
    who                  uuid NOT NULL,        -- the contact card, or the lead call itself when it has none
    lead_conversation_id uuid NOT NULL,
    lead_kind            text NOT NULL,        -- lead_call | missed_call
    lead_at              timestamptz NOT NULL,
    rang_csr_id          uuid,                 -- the CSR the lead call rang for (or was taken by)
    responded_at         timestamptz,
    response_kind        text,                 -- answered_call | outbound_call | sms
    responder_kind       text,                 -- human | ai (voice agent, chat, or an automatic text)
    responder_id         uuid,                 -- the person who responded (null for ai)
    response_seconds     double precision,
    csr_id               uuid,                 -- who the lead counts for: the responder, or rang_csr_id when nobody responded
    PRIMARY KEY (tenant_id, who)
);
CREATE INDEX lead_responses_window ON lead_responses (tenant_id, lead_at)
    INCLUDE (csr_id, response_seconds, responder_kind);
CREATE INDEX lead_responses_csr ON lead_responses (tenant_id, csr_id, lead_at) INCLUDE (response_seconds, responder_kind);
SELECT verbatim_enable_tenant_rls('lead_responses');

-- The definition, for one contact (p_who) or every contact of the tenant (p_who NULL). A lead is an inbound (not
-- outbound) conversation that is a lead call (V43's: a CSR call with a CSR attached, hot/warm/cold) or a missed call
-- (conversations.missed_reason, or an analysed inbound phone call without agent speech) that the analysis did not find
-- unqualified; the contact's first one counts. A response is, at or after the lead, the contact's first outbound call
-- (any outcome), inbound call answered with agent speech (analysed, not missed; the lead call itself when answered), or
-- SMS sent (sent or delivered; sent_at). A single SELECT, STABLE: inlined, so p_who reaches the indexes.
CREATE FUNCTION lead_responses_of(p_tenant text, p_who uuid)
RETURNS TABLE (tenant_id text, who uuid, lead_conversation_id uuid, lead_kind text, lead_at timestamptz, rang_csr_id uuid,
               responded_at timestamptz, response_kind text, responder_kind text, responder_id uuid,
               response_seconds double precision, csr_id uuid)
LANGUAGE sql STABLE AS $fn$
    SELECT l.tenant_id, l.who, l.id, l.kind, l.at, l.csr, r.at, r.kind, r.responder_kind, r.responder,
           extract(epoch FROM r.at - l.at)::double precision,
           CASE WHEN r.at IS NULL THEN l.csr WHEN r.responder_kind = 'human' THEN r.responder END
    FROM (
        SELECT DISTINCT ON (coalesce(c.contact_card_id, c.id)) c.tenant_id, coalesce(c.contact_card_id, c.id) AS who,
               c.id, c.contact_card_id AS card, c.occurred_at AS at, c.agent_user_id AS csr,
               CASE WHEN c.missed_reason IS NOT NULL OR (c.channel = 'phone' AND a.agent_talk_seconds = 0)
                    THEN 'missed_call' ELSE 'lead_call' END AS kind
        FROM conversations c LEFT JOIN analyses a ON a.conversation_id = c.id
        WHERE c.tenant_id = p_tenant AND c.direction <> 'outbound'
          AND (p_who IS NULL OR c.contact_card_id = p_who OR (c.id = p_who AND c.contact_card_id IS NULL))
          AND (((c.missed_reason IS NOT NULL OR (c.channel = 'phone' AND a.agent_talk_seconds = 0))
                AND a.qualification IS DISTINCT FROM 'unqualified')
               OR (c.call_type = 'csr_call' AND c.agent_user_id IS NOT NULL AND a.qualification IN ('hot', 'warm', 'cold')))
        ORDER BY coalesce(c.contact_card_id, c.id), c.occurred_at, c.id
    ) l
    LEFT JOIN LATERAL (
        SELECT x.* FROM (
            SELECT c2.occurred_at AS at, CASE WHEN c2.direction = 'outbound' THEN 'outbound_call' ELSE 'answered_call' END AS kind,
                   CASE WHEN c2.channel IN ('voice_agent', 'chat') THEN 'ai' ELSE 'human' END AS responder_kind,
                   CASE WHEN c2.channel IN ('voice_agent', 'chat') THEN NULL ELSE c2.agent_user_id END AS responder, c2.id AS ref
            FROM conversations c2 LEFT JOIN analyses a2 ON a2.conversation_id = c2.id
            WHERE c2.tenant_id = p_tenant AND c2.occurred_at >= l.at
              AND ((l.card IS NOT NULL AND c2.contact_card_id = l.card) OR (l.card IS NULL AND c2.id = l.id))
              AND (c2.direction = 'outbound'
                   OR (c2.missed_reason IS NULL AND a2.conversation_id IS NOT NULL AND a2.agent_talk_seconds IS DISTINCT FROM 0))
            UNION ALL
            SELECT coalesce(m.sent_at, m.created_at), 'sms', CASE WHEN m.created_by IS NULL THEN 'ai' ELSE 'human' END,
                   m.created_by, m.id
            FROM messages m
            WHERE m.tenant_id = p_tenant AND l.card IS NOT NULL AND m.contact_card_id = l.card AND m.channel = 'sms'
              AND m.status IN ('sent', 'delivered') AND coalesce(m.sent_at, m.created_at) >= l.at
        ) x
        ORDER BY x.at, x.ref
        LIMIT 1
    ) r ON TRUE
$fn$;

CREATE INDEX messages_contact_sms ON messages (tenant_id, contact_card_id, sent_at)
    WHERE channel = 'sms' AND contact_card_id IS NOT NULL;

CREATE FUNCTION lead_response_refresh(p_tenant text, p_who uuid) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $fn$
BEGIN
    IF p_tenant IS NULL OR p_who IS NULL THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('lead_response/' || p_tenant || '/' || p_who, 0));
    DELETE FROM lead_responses WHERE tenant_id = p_tenant AND who = p_who;
    INSERT INTO lead_responses SELECT * FROM lead_responses_of(p_tenant, p_who);
END
$fn$;

-- A new conversation changes a contact's lead only when it is a missed call (a lead without analysis) or an
-- outbound call of a card (a response); any other new call waits for its analysis, so ingest pays nothing for it.
CREATE FUNCTION lead_responses_conversation_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.tenant_id, OLD.contact_card_id, OLD.occurred_at, OLD.direction, OLD.channel, OLD.call_type,
            OLD.agent_user_id, OLD.missed_reason) IS NOT DISTINCT FROM (NEW.tenant_id, NEW.contact_card_id, NEW.occurred_at,
            NEW.direction, NEW.channel, NEW.call_type, NEW.agent_user_id, NEW.missed_reason) THEN
        RETURN NULL;
    END IF;
    -- A call neither outbound nor missed contributes nothing before its analysis, in either state: so the intake's
    -- contact link (an UPDATE inside the accepting transaction) costs the upload one index probe, not two refreshes.
    IF TG_OP = 'UPDATE' AND OLD.direction IS DISTINCT FROM 'outbound' AND NEW.direction IS DISTINCT FROM 'outbound'
            AND OLD.missed_reason IS NULL AND NEW.missed_reason IS NULL
            AND NOT EXISTS (SELECT 1 FROM analyses a WHERE a.conversation_id = NEW.id) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        PERFORM lead_response_refresh(OLD.tenant_id, coalesce(OLD.contact_card_id, OLD.id));
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (NEW.tenant_id, coalesce(NEW.contact_card_id, NEW.id))
            IS DISTINCT FROM (OLD.tenant_id, coalesce(OLD.contact_card_id, OLD.id))) THEN
        PERFORM lead_response_refresh(NEW.tenant_id, coalesce(NEW.contact_card_id, NEW.id));
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER conversations_lead_responses AFTER UPDATE OR DELETE ON conversations
    FOR EACH ROW EXECUTE FUNCTION lead_responses_conversation_changed();
CREATE TRIGGER conversations_lead_responses_insert AFTER INSERT ON conversations
    FOR EACH ROW WHEN ((NEW.direction = 'outbound' AND NEW.contact_card_id IS NOT NULL) OR NEW.missed_reason IS NOT NULL)
    EXECUTE FUNCTION lead_responses_conversation_changed();

CREATE FUNCTION lead_responses_analysis_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
    c conversations;
    conv_id uuid;
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.conversation_id, OLD.tenant_id, OLD.qualification, OLD.agent_talk_seconds)
            IS NOT DISTINCT FROM (NEW.conversation_id, NEW.tenant_id, NEW.qualification, NEW.agent_talk_seconds) THEN
        RETURN NULL;
    END IF;
    FOREACH conv_id IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW.conversation_id] WHEN 'DELETE' THEN ARRAY[OLD.conversation_id]
            ELSE ARRAY[OLD.conversation_id, NEW.conversation_id] END LOOP
        -- a conversation already deleted (a cascade) was refreshed by its own trigger
        SELECT * INTO c FROM conversations WHERE conversations.id = conv_id;
        CONTINUE WHEN NOT FOUND;
        PERFORM lead_response_refresh(c.tenant_id, coalesce(c.contact_card_id, c.id));
        EXIT WHEN TG_OP = 'UPDATE' AND OLD.conversation_id = NEW.conversation_id;
    END LOOP;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER analyses_lead_responses AFTER INSERT OR UPDATE OR DELETE ON analyses
    FOR EACH ROW EXECUTE FUNCTION lead_responses_analysis_changed();

CREATE FUNCTION lead_responses_message_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'UPDATE' AND (OLD.tenant_id, OLD.contact_card_id, OLD.channel, OLD.status, OLD.sent_at, OLD.created_at,
            OLD.created_by) IS NOT DISTINCT FROM (NEW.tenant_id, NEW.contact_card_id, NEW.channel, NEW.status, NEW.sent_at,
            NEW.created_at, NEW.created_by) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD.channel = 'sms' THEN
        PERFORM lead_response_refresh(OLD.tenant_id, OLD.contact_card_id);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.channel = 'sms' AND (TG_OP = 'INSERT' OR (NEW.tenant_id, NEW.contact_card_id)
            IS DISTINCT FROM (OLD.tenant_id, OLD.contact_card_id) OR OLD.channel <> 'sms') THEN
        PERFORM lead_response_refresh(NEW.tenant_id, NEW.contact_card_id);
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER messages_lead_responses AFTER UPDATE OR DELETE ON messages
    FOR EACH ROW EXECUTE FUNCTION lead_responses_message_changed();
CREATE TRIGGER messages_lead_responses_insert AFTER INSERT ON messages
    FOR EACH ROW WHEN (NEW.channel = 'sms' AND NEW.contact_card_id IS NOT NULL AND NEW.status IN ('sent', 'delivered'))
    EXECUTE FUNCTION lead_responses_message_changed();

-- Existing rows, as the owner (row-level security lets it see every tenant), set-based per tenant.
INSERT INTO lead_responses SELECT f.* FROM tenants t, LATERAL lead_responses_of(t.id, NULL) f;
ANALYZE lead_responses;
