-- Outbound messages (SMS through Twilio, e-mail through SMTP): every message a tenant sends is logged here with the
-- provider's id and the latest status its callbacks reported. purpose + appointment_id make confirmations and
-- reminders durable: the unique index means one reminder per appointment, whatever the scheduler does.
CREATE TABLE messages (
    id             uuid PRIMARY KEY,
    tenant_id      text NOT NULL REFERENCES tenants (id),
    channel        text NOT NULL CHECK (channel IN ('sms', 'email')),
    to_address     text NOT NULL,
    subject        text,
    body           text NOT NULL,
    purpose        text NOT NULL DEFAULT 'manual',
    appointment_id uuid,
    contact_card_id uuid,
    provider_id    text,
    status         text NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'undelivered')),
    error          text,
    created_by     uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    sent_at        timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_recent ON messages (tenant_id, created_at DESC, id DESC);
CREATE INDEX messages_provider ON messages (tenant_id, provider_id) WHERE provider_id IS NOT NULL;
CREATE UNIQUE INDEX messages_once_per_appointment ON messages (tenant_id, appointment_id, purpose, channel)
    WHERE appointment_id IS NOT NULL AND purpose IN ('confirmation', 'reminder');
SELECT verbatim_enable_tenant_rls('messages');

-- Per tenant: whether appointment confirmations and reminders go out, how long before the visit, on which channel.
-- confirmations_since keeps switching confirmations on from messaging every appointment booked before.
CREATE TABLE message_settings (
    tenant_id             text PRIMARY KEY REFERENCES tenants (id),
    confirmations_enabled boolean NOT NULL DEFAULT false,
    confirmations_since   timestamptz,
    reminders_enabled     boolean NOT NULL DEFAULT false,
    reminder_hours_before integer NOT NULL DEFAULT 24 CHECK (reminder_hours_before BETWEEN 1 AND 168),
    channel               text NOT NULL DEFAULT 'sms' CHECK (channel IN ('sms', 'email')),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
SELECT verbatim_enable_tenant_rls('message_settings');
