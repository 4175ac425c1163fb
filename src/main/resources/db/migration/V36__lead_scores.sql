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
