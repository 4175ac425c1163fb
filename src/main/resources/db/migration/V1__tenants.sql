-- Tables created from here on are usable by the application role; the owner keeps DDL.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
GRANT USAGE ON SCHEMA public TO ${app_role};

-- The one table that is not tenant-owned: a tenant is not inside itself.
CREATE TABLE tenants (
    id              text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$'),
    name            text NOT NULL,
    storage_mode    text NOT NULL DEFAULT 'shared' CHECK (storage_mode IN ('shared', 'dedicated')),
    external_org_id text UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deactivated_at  timestamptz
);

-- Every tenant-owned table calls this once: row-level security enabled and forced, the application
-- role sees and writes only rows of the tenant set for its transaction, and the owner (migrations,
-- job engine, the narrow SECURITY DEFINER look-ups) keeps full access.
CREATE FUNCTION verbatim_enable_tenant_rls(tbl regclass) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %s TO ${app_role}
                    USING (tenant_id = current_setting('app.tenant_id', true))
                    WITH CHECK (tenant_id = current_setting('app.tenant_id', true))$p$, tbl);
    EXECUTE format('CREATE POLICY owner_access ON %s TO %I USING (true) WITH CHECK (true)', tbl, current_user);
END
$fn$;
REVOKE ALL ON FUNCTION verbatim_enable_tenant_rls(regclass) FROM PUBLIC;
