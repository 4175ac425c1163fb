-- Voice agents: the assistants a tenant's voice platform runs, created on first sight from a call report,
-- and one row per voice-agent call linking its conversation to its assistant with the report's figures.
CREATE TABLE assistants (
    id                    uuid PRIMARY KEY,
    tenant_id             text NOT NULL REFERENCES tenants (id),
    provider              text NOT NULL,
    provider_assistant_id text NOT NULL,
    name                  text NOT NULL,
    purpose               text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, provider, provider_assistant_id),
    UNIQUE (tenant_id, id)
);
SELECT verbatim_enable_tenant_rls('assistants');

CREATE TABLE voice_calls (
    conversation_id  uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    tenant_id        text NOT NULL REFERENCES tenants (id),
    assistant_id     uuid NOT NULL,
    provider         text NOT NULL,
    call_id          text NOT NULL,
    started_at       timestamptz,
    ended_reason     text,
    cost             numeric(12, 4),
    duration_seconds double precision,
    transferred      boolean NOT NULL DEFAULT false,
    success          text,
    failure_reason   text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, provider, call_id),
    FOREIGN KEY (tenant_id, assistant_id) REFERENCES assistants (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX voice_calls_assistant ON voice_calls (tenant_id, assistant_id, started_at DESC);
SELECT verbatim_enable_tenant_rls('voice_calls');

-- The services a tenant offers (what an agent books): seven defaults for every tenant, editable by its admins.
CREATE TABLE services (
    id               uuid PRIMARY KEY,
    tenant_id        text NOT NULL REFERENCES tenants (id),
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
    price            numeric(12, 2) NOT NULL CHECK (price >= 0),
    currency         text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
    active           boolean NOT NULL DEFAULT true,
    idempotency_key  text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX services_name ON services (tenant_id, lower(name));
CREATE UNIQUE INDEX services_idempotency ON services (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
SELECT verbatim_enable_tenant_rls('services');

-- Tenants that exist already get the defaults new tenants get (io.verbatim.voiceagents.internal.ServiceCatalogue.DEFAULTS).
INSERT INTO services (id, tenant_id, name, duration_minutes, price)
SELECT gen_random_uuid(), t.id, d.name, d.minutes, d.price
FROM tenants t CROSS JOIN (VALUES
    ('Consultation', 30, 0.00),
    ('New client appointment', 60, 120.00),
    ('Follow-up appointment', 30, 75.00),
    ('Standard service', 60, 95.00),
    ('Extended service', 90, 160.00),
    ('Estimate visit', 45, 0.00),
    ('Call back', 15, 0.00)) AS d (name, minutes, price)
ON CONFLICT DO NOTHING;
