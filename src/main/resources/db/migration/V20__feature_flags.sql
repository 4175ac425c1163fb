-- Feature flags (docs/flags.md). Definitions are global: they belong to the platform, not to a tenant, so
-- they carry no tenant_id; only platform admins change them (enforced by the API, as for the tenants table).
CREATE TABLE feature_flags (
    key                   text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9-]{1,62}$'),
    description           text NOT NULL,
    type                  text NOT NULL CHECK (type IN ('boolean', 'string')),
    -- flagd's shape: variant name -> value, e.g. {"on": true, "off": false}
    variants              jsonb NOT NULL,
    default_variant       text NOT NULL,
    -- 'disabled' serves the default variant to everyone (flagd's state), whatever overrides and rules say.
    state                 text NOT NULL DEFAULT 'enabled' CHECK (state IN ('enabled', 'disabled')),
    -- Percentage rollout keyed on the tenant: tenants in the first rollout_percent buckets get rollout_variant.
    rollout_percent       integer CHECK (rollout_percent BETWEEN 0 AND 100),
    rollout_variant       text,
    allow_tenant_override boolean NOT NULL DEFAULT false,
    -- [{"variant": "on", "user_ids": ["..."], "roles": ["admin"]}]: the first rule that matches the caller wins.
    targeting             jsonb NOT NULL DEFAULT '[]',
    -- Flags from the bundled seed file gate this version's features: they are never deleted, only switched.
    seeded                boolean NOT NULL DEFAULT false,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    updated_by            text,
    CHECK (variants ? default_variant),
    CHECK ((rollout_percent IS NULL) = (rollout_variant IS NULL)),
    CHECK (rollout_variant IS NULL OR variants ? rollout_variant)
);

-- A tenant's own value for a flag (set by its admins where the flag allows it, or by a platform admin).
CREATE TABLE feature_flag_overrides (
    tenant_id  text NOT NULL REFERENCES tenants (id),
    flag_key   text NOT NULL REFERENCES feature_flags (key) ON DELETE CASCADE,
    value      jsonb NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text,
    PRIMARY KEY (tenant_id, flag_key)
);
SELECT verbatim_enable_tenant_rls('feature_flag_overrides');

-- One counter that every change of either table moves on, so each node's evaluation cache sees a change made
-- on another node at its next check (a cheap one-row read every few seconds) without listening for anything.
CREATE TABLE feature_flag_version (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    version bigint NOT NULL
);
INSERT INTO feature_flag_version (id, version) VALUES (true, 0);

CREATE FUNCTION feature_flag_bump_version() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    UPDATE feature_flag_version SET version = version + 1 WHERE id;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER feature_flags_changed AFTER INSERT OR UPDATE OR DELETE ON feature_flags
    FOR EACH STATEMENT EXECUTE FUNCTION feature_flag_bump_version();
CREATE TRIGGER feature_flag_overrides_changed AFTER INSERT OR UPDATE OR DELETE ON feature_flag_overrides
    FOR EACH STATEMENT EXECUTE FUNCTION feature_flag_bump_version();
