-- Tenant credentials, envelope-encrypted: each tenant has data keys (AES-256) wrapped by the operator's
-- master key; each credential is one AES-256-GCM ciphertext of its JSON fields under the tenant's data key.
-- Old data-key versions are kept (wrapped) so values sealed under them still open after a rotation.
CREATE TABLE tenant_data_keys (
    tenant_id     text NOT NULL REFERENCES tenants (id),
    version       integer NOT NULL,
    wrapped_key   bytea NOT NULL,
    master_key_id text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    rewrapped_at  timestamptz,
    PRIMARY KEY (tenant_id, version)
);
SELECT verbatim_enable_tenant_rls('tenant_data_keys');

CREATE TABLE credentials (
    tenant_id   text NOT NULL REFERENCES tenants (id),
    name        text NOT NULL,
    key_version integer NOT NULL,
    ciphertext  bytea NOT NULL,
    field_names text[] NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, name),
    FOREIGN KEY (tenant_id, key_version) REFERENCES tenant_data_keys (tenant_id, version)
);
SELECT verbatim_enable_tenant_rls('credentials');
