-- A tenant's settings: one JSON object per tenant, read by the modules that own each key.
CREATE TABLE tenant_settings (
    tenant_id  text PRIMARY KEY REFERENCES tenants (id),
    settings   jsonb NOT NULL DEFAULT '{}',
    updated_at timestamptz NOT NULL DEFAULT now()
);
SELECT verbatim_enable_tenant_rls('tenant_settings');
