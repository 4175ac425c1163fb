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
