-- SMS consent (issue 13, missed-call recovery: "gate AI texts on consent, STOP and quiet hours"). Keyed by the E.164
-- number, not the card: a card can have several phones, and a merge or a second card with the same number keeps the
-- number's state. sms_consent is the current state, sms_consent_history every change (the audit trail of the state).
CREATE TABLE sms_consent (
    tenant_id  text NOT NULL REFERENCES tenants (id),
    phone      text NOT NULL,
    state      text NOT NULL CHECK (state IN ('opted_in', 'opted_out')),
    source     text NOT NULL CHECK (source IN ('keyword', 'manual', 'import', 'api')),
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by uuid,
    note       text,
    PRIMARY KEY (tenant_id, phone)
);
SELECT verbatim_enable_tenant_rls('sms_consent');

CREATE TABLE sms_consent_history (
    id         uuid PRIMARY KEY,
    tenant_id  text NOT NULL REFERENCES tenants (id),
    phone      text NOT NULL,
    state      text NOT NULL CHECK (state IN ('opted_in', 'opted_out')),
    source     text NOT NULL CHECK (source IN ('keyword', 'manual', 'import', 'api')),
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by uuid,
    note       text
);
CREATE INDEX sms_consent_history_phone ON sms_consent_history (tenant_id, phone, changed_at DESC);
SELECT verbatim_enable_tenant_rls('sms_consent_history');

-- Inbound texts join the messages log: direction tells them apart, from_address is the sender, MessageSid (provider_id)
-- makes a repeated delivery of the same text a no-op.
ALTER TABLE messages ADD COLUMN direction text NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound', 'inbound')),
    ADD COLUMN from_address text;
ALTER TABLE messages DROP CONSTRAINT messages_status_check;
ALTER TABLE messages ADD CONSTRAINT messages_status_check
    CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'undelivered', 'not_sent', 'received'));
CREATE UNIQUE INDEX messages_inbound_once ON messages (tenant_id, provider_id) WHERE direction = 'inbound';

-- Quiet hours (automatic texts are held until they end) and the replies to STOP, START and HELP. NULL reply: the default.
ALTER TABLE message_settings ADD COLUMN quiet_hours_enabled boolean NOT NULL DEFAULT true,
    ADD COLUMN quiet_start time NOT NULL DEFAULT '21:00',
    ADD COLUMN quiet_end time NOT NULL DEFAULT '08:00',
    ADD COLUMN time_zone text,
    ADD COLUMN stop_reply text,
    ADD COLUMN start_reply text,
    ADD COLUMN help_reply text;
