-- The contact card's timeline reads a card's tasks; the natural-key index leads with an expression and cannot serve it.
CREATE INDEX tasks_contact ON tasks (tenant_id, contact_card_id, created_at DESC) WHERE contact_card_id IS NOT NULL;

-- A missed call a person took off the queue without a booking (called back, not a lead, spam...): docs/csr.md.
-- Only a booking rescues a call, so a closed call is never counted as rescued; a later booking still rescues it.
CREATE TABLE missed_call_closures (
    tenant_id       text NOT NULL REFERENCES tenants (id),
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    reason          text NOT NULL CHECK (reason IN ('called_back', 'not_a_lead', 'spam', 'duplicate', 'other')),
    note            text,
    closed_by       uuid,
    closed_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, conversation_id)
);
SELECT verbatim_enable_tenant_rls('missed_call_closures');
