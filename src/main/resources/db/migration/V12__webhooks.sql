-- Webhooks in: every verified provider event, once per (provider, event id), processed off the request.
CREATE TABLE webhook_inbox (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    provider        text NOT NULL,
    event_id        text NOT NULL,
    source          text NOT NULL,
    event_type      text,
    content_type    text,
    payload         bytea NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'processing', 'done', 'ignored', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    locked_until    timestamptz,
    conversation_id uuid,
    duplicate       boolean NOT NULL DEFAULT false,
    error           text,
    received_at     timestamptz NOT NULL DEFAULT now(),
    processed_at    timestamptz,
    UNIQUE (tenant_id, provider, event_id)
);
CREATE INDEX webhook_inbox_due ON webhook_inbox (tenant_id, next_attempt_at) WHERE status IN ('pending', 'processing');
CREATE INDEX webhook_inbox_recent ON webhook_inbox (tenant_id, received_at DESC, id);
SELECT verbatim_enable_tenant_rls('webhook_inbox');

-- Webhooks out: endpoints a tenant registered, one delivery per (endpoint, event), every attempt logged.
CREATE TABLE webhook_endpoints (
    id                  uuid PRIMARY KEY,
    tenant_id           text NOT NULL REFERENCES tenants (id),
    url                 text NOT NULL,
    events              text[] NOT NULL,
    description         text,
    secret              text NOT NULL,
    previous_secret     text,
    previous_expires_at timestamptz,
    enabled             boolean NOT NULL DEFAULT true,
    disabled_reason     text,
    idempotency_key     text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX webhook_endpoints_idempotency ON webhook_endpoints (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX webhook_endpoints_tenant ON webhook_endpoints (tenant_id, created_at, id);
SELECT verbatim_enable_tenant_rls('webhook_endpoints');

CREATE TABLE webhook_deliveries (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    endpoint_id     uuid NOT NULL,
    message_id      text NOT NULL,
    event_type      text NOT NULL,
    payload         text NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'sending', 'succeeded', 'failed')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    locked_until    timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    completed_at    timestamptz,
    FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (tenant_id, next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (tenant_id, endpoint_id, created_at DESC, id);
SELECT verbatim_enable_tenant_rls('webhook_deliveries');

CREATE TABLE webhook_attempts (
    id          bigserial PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenants (id),
    delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt     integer NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    status_code integer,
    error       text,
    duration_ms integer NOT NULL,
    response    text
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (tenant_id, delivery_id, id);
SELECT verbatim_enable_tenant_rls('webhook_attempts');

-- Workers look for due work before they know any tenant: these look-ups, and only they, see across
-- tenants, and return nothing but tenant ids.
CREATE FUNCTION webhook_inbox_due_tenants()
    RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT DISTINCT tenant_id FROM webhook_inbox
    WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'processing' AND locked_until < now())
$$;
CREATE FUNCTION webhook_deliveries_due_tenants()
    RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT DISTINCT tenant_id FROM webhook_deliveries
    WHERE (status = 'pending' AND next_attempt_at <= now()) OR (status = 'sending' AND locked_until < now())
$$;
REVOKE ALL ON FUNCTION webhook_inbox_due_tenants(), webhook_deliveries_due_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION webhook_inbox_due_tenants(), webhook_deliveries_due_tenants() TO ${app_role};
