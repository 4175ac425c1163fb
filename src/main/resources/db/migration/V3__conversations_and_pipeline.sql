CREATE TABLE conversations (
    id                 uuid PRIMARY KEY,
    tenant_id          text NOT NULL REFERENCES tenants (id),
    source             text NOT NULL,
    external_id        text,
    idempotency_key    text,
    request_fingerprint text NOT NULL,
    direction          text NOT NULL DEFAULT 'unknown'
                       CHECK (direction IN ('inbound', 'outbound', 'in_person', 'internal', 'unknown')),
    channel            text NOT NULL DEFAULT 'phone'
                       CHECK (channel IN ('phone', 'field_visit', 'video', 'voice_agent', 'chat', 'other')),
    started_at         timestamptz,
    agent_user_id      uuid,
    agent_ref          text,
    agent_name         text,
    team_id            uuid,
    customer_name      text,
    customer_phone     text,
    customer_email     text,
    language           text,
    channel_roles      jsonb NOT NULL DEFAULT '{}',
    tags               text[] NOT NULL DEFAULT '{}',
    attributes         jsonb NOT NULL DEFAULT '{}',
    input_kind         text NOT NULL CHECK (input_kind IN ('media', 'transcript')),
    input_key          text,
    input_content_type text,
    input_bytes        bigint,
    input_sha256       text,
    input_filename     text,
    duration_seconds   double precision,
    audio_channels     integer,
    status             text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'processing', 'completed', 'failed')),
    stage              text NOT NULL DEFAULT 'received',
    attempts           integer NOT NULL DEFAULT 0,
    last_error         text,
    last_error_type    text,
    roles_swapped      boolean NOT NULL DEFAULT false,
    roles_confident    boolean,
    speech_engine      text,
    priority           smallint NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    completed_at       timestamptz
);
CREATE UNIQUE INDEX conversations_external ON conversations (tenant_id, source, external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX conversations_idempotency ON conversations (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX conversations_recent ON conversations (tenant_id, created_at DESC, id);
CREATE INDEX conversations_agent ON conversations (tenant_id, agent_user_id);
CREATE INDEX conversations_status ON conversations (tenant_id, status);
SELECT verbatim_enable_tenant_rls('conversations');

-- The transcript in Verbatim's model (turns with speaker, times, text, words); the engine's own output
-- is kept as it was produced in the blob store (results/<tenant>/raw/).
CREATE TABLE transcripts (
    conversation_id  uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    tenant_id        text NOT NULL REFERENCES tenants (id),
    source           text NOT NULL,
    language         text,
    duration_seconds double precision,
    roles_confident  boolean NOT NULL,
    turns            jsonb NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);
SELECT verbatim_enable_tenant_rls('transcripts');

CREATE TABLE waveforms (
    conversation_id uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    peaks           jsonb NOT NULL
);
SELECT verbatim_enable_tenant_rls('waveforms');

-- What happened to a conversation in the pipeline, stage by stage: the visible history behind its status.
CREATE TABLE pipeline_events (
    id              bigserial PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    at              timestamptz NOT NULL DEFAULT now(),
    stage           text NOT NULL,
    outcome         text NOT NULL CHECK (outcome IN ('started', 'completed', 'skipped', 'retrying', 'failed', 'redriven')),
    attempt         integer NOT NULL DEFAULT 0,
    detail          text
);
CREATE INDEX pipeline_events_conversation ON pipeline_events (tenant_id, conversation_id, id);
SELECT verbatim_enable_tenant_rls('pipeline_events');

-- db-scheduler's table (the job engine); not tenant-owned: each job's data names its tenant.
CREATE TABLE scheduled_tasks (
    task_name            text NOT NULL,
    task_instance        text NOT NULL,
    task_data            bytea,
    execution_time       timestamptz,
    picked               boolean NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint NOT NULL,
    priority             smallint,
    state                text,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
