-- Lead scores of voice-agent callers: one row per contact card (or, for a caller without a card, per call), recomputed
-- on each analysed call, with every factor's contribution kept (explainable), and when a person called them back.
CREATE TABLE lead_scores (
    id                     uuid PRIMARY KEY,
    tenant_id              text NOT NULL REFERENCES tenants (id),
    contact_card_id        uuid REFERENCES contact_card (id) ON DELETE CASCADE,
    -- a caller without a card (number withheld) stands for themselves: their one call
    caller_conversation_id uuid REFERENCES conversations (id) ON DELETE CASCADE,
    last_conversation_id   uuid REFERENCES conversations (id) ON DELETE SET NULL,
    caller_name            text,
    caller_phone           text,
    score                  smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
    factors                jsonb NOT NULL,
    calls                  integer NOT NULL,
    booked                 boolean NOT NULL,
    last_call_at           timestamptz NOT NULL,
    called_back_at         timestamptz,
    called_back_by         uuid,
    computed_at            timestamptz NOT NULL DEFAULT now(),
    CHECK (contact_card_id IS NOT NULL OR caller_conversation_id IS NOT NULL)
);
CREATE UNIQUE INDEX lead_scores_contact ON lead_scores (tenant_id, contact_card_id) WHERE contact_card_id IS NOT NULL;
CREATE UNIQUE INDEX lead_scores_caller ON lead_scores (tenant_id, caller_conversation_id) WHERE contact_card_id IS NULL;
CREATE INDEX lead_scores_rank ON lead_scores (tenant_id, score DESC, last_call_at DESC);
SELECT verbatim_enable_tenant_rls('lead_scores');

-- Other names of a service ("cleaning" for "Hygiene visit"), matched when a voice agent books it.
ALTER TABLE services ADD COLUMN synonyms text[] NOT NULL DEFAULT '{}';

-- What a voice agent booked in a call (a booking tool call, else the platform's analysis), once per call: the
-- appointment it became (through the appointments module's conflict check), the service it references (null and
-- flagged when the requested service is not in the catalogue), or why nothing was booked.
CREATE TABLE agent_bookings (
    conversation_id   uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    tenant_id         text NOT NULL REFERENCES tenants (id),
    appointment_id    uuid REFERENCES appointments (id) ON DELETE SET NULL,
    service_id        uuid,
    requested_service text,
    origin            text NOT NULL CHECK (origin IN ('tool_call', 'analysis')),
    status            text NOT NULL CHECK (status IN ('booked', 'conflict', 'no_time', 'no_sales_rep', 'invalid')),
    flags             text[] NOT NULL DEFAULT '{}',
    detail            text,
    scheduled_start   timestamptz,
    scheduled_end     timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, service_id) REFERENCES services (tenant_id, id)
);
CREATE INDEX agent_bookings_created ON agent_bookings (tenant_id, created_at DESC);
CREATE INDEX agent_bookings_appointment ON agent_bookings (tenant_id, appointment_id);
SELECT verbatim_enable_tenant_rls('agent_bookings');
