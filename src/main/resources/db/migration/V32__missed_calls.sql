-- Calls as CSR metrics see them (docs/csr.md): the call type and whether the call was missed, kept by PostgreSQL from
-- the conversation's own fields so every intake path (webhooks, uploads, imports) is covered without extra writes.
-- booking_status and qualification already are columns of analyses.

-- A field visit is a visit call, an outbound phone call a sales call, everything else a CSR call.
ALTER TABLE conversations ADD COLUMN call_type text GENERATED ALWAYS AS (
    CASE WHEN channel = 'field_visit' THEN 'visit_call'
         WHEN direction = 'outbound' THEN 'sales_call'
         ELSE 'csr_call' END) STORED;

-- A missed inbound call as the telephony webhooks report it: CallRail's call_type (missed, abandoned, voicemail),
-- Retell's in_voicemail and disconnection reasons (dial_no_answer, dial_busy, voicemail_reached), Vapi's ended
-- reasons (customer-did-not-answer, customer-busy, voicemail). A call with no agent speech is missed too; that
-- needs the analysis and is decided at query time.
ALTER TABLE conversations ADD COLUMN missed_reason text GENERATED ALWAYS AS (
    CASE WHEN direction = 'outbound' THEN NULL
         WHEN attributes ->> 'call_type' = 'voicemail' OR attributes ->> 'in_voicemail' = 'true'
              OR attributes ->> 'ended_reason' LIKE '%voicemail%' THEN 'voicemail'
         WHEN attributes ->> 'ended_reason' LIKE '%busy%' THEN 'busy'
         WHEN attributes ->> 'call_type' IN ('missed', 'abandoned')
              OR attributes ->> 'ended_reason' IN ('dial_no_answer', 'customer-did-not-answer', 'no-answer', 'no_answer')
              THEN 'no_answer'
         END) STORED;

CREATE INDEX conversations_missed ON conversations (tenant_id, occurred_at DESC) WHERE missed_reason IS NOT NULL;
CREATE INDEX conversations_agent_calls ON conversations (tenant_id, agent_user_id, occurred_at) WHERE agent_user_id IS NOT NULL;
