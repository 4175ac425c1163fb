-- Recording sources a tenant pulls from on a schedule (provider REST APIs), and the history of every
-- run of every source, including the storage drop folder.
CREATE TABLE recording_sources (
    id                   uuid PRIMARY KEY,
    tenant_id            text NOT NULL REFERENCES tenants (id),
    name                 text NOT NULL,
    kind                 text NOT NULL,
    credential           text NOT NULL,
    settings             jsonb NOT NULL DEFAULT '{}',
    interval_seconds     integer NOT NULL DEFAULT 900 CHECK (interval_seconds >= 1),
    enabled              boolean NOT NULL DEFAULT true,
    high_water_mark      timestamptz,
    next_run_at          timestamptz NOT NULL DEFAULT now(),
    consecutive_failures integer NOT NULL DEFAULT 0,
    last_error           text,
    lease_until          timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, name)
);
CREATE INDEX recording_sources_due ON recording_sources (next_run_at) WHERE enabled;
SELECT verbatim_enable_tenant_rls('recording_sources');

CREATE TABLE source_runs (
    id                uuid PRIMARY KEY,
    tenant_id         text NOT NULL REFERENCES tenants (id),
    source_id         uuid REFERENCES recording_sources (id) ON DELETE CASCADE,
    source_name       text NOT NULL,
    triggered_by      text NOT NULL CHECK (triggered_by IN ('schedule', 'manual', 'scan')),
    status            text NOT NULL CHECK (status IN ('running', 'succeeded', 'partial', 'failed')),
    started_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz,
    listed            integer NOT NULL DEFAULT 0,
    fetched           integer NOT NULL DEFAULT 0,
    duplicates        integer NOT NULL DEFAULT 0,
    failed            integer NOT NULL DEFAULT 0,
    pages             integer NOT NULL DEFAULT 0,
    retries           integer NOT NULL DEFAULT 0,
    error             text,
    high_water_before timestamptz,
    high_water_after  timestamptz,
    items             jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX source_runs_recent ON source_runs (tenant_id, started_at DESC, id);
CREATE INDEX source_runs_source ON source_runs (tenant_id, source_id, started_at DESC);
SELECT verbatim_enable_tenant_rls('source_runs');

-- The scheduler looks for due sources before it knows any tenant: this look-up, and only it, sees across
-- tenants, and returns nothing but tenant ids.
CREATE FUNCTION recording_sources_due_tenants()
    RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT DISTINCT tenant_id FROM recording_sources
    WHERE enabled AND next_run_at <= now() AND (lease_until IS NULL OR lease_until < now())
$$;
REVOKE ALL ON FUNCTION recording_sources_due_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION recording_sources_due_tenants() TO ${app_role};
