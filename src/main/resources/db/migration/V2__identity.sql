CREATE TABLE teams (
    id         uuid PRIMARY KEY,
    tenant_id  text NOT NULL REFERENCES tenants (id),
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX teams_name ON teams (tenant_id, lower(name));
SELECT verbatim_enable_tenant_rls('teams');

CREATE TABLE users (
    id               uuid PRIMARY KEY,
    tenant_id        text NOT NULL REFERENCES tenants (id),
    email            text NOT NULL,
    name             text NOT NULL,
    password_hash    text,
    role             text NOT NULL CHECK (role IN ('platform_admin', 'admin', 'manager', 'executive', 'agent')),
    agent_kind       text CHECK (agent_kind IN ('csr', 'sales_rep', 'shopper')),
    team_id          uuid,
    external_subject text,
    active           boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    last_login_at    timestamptz,
    -- A user's team is always in the user's tenant.
    FOREIGN KEY (tenant_id, team_id) REFERENCES teams (tenant_id, id) ON DELETE SET NULL (team_id),
    CHECK ((role = 'agent') = (agent_kind IS NOT NULL))
);
CREATE UNIQUE INDEX users_email ON users (tenant_id, lower(email));
CREATE UNIQUE INDEX users_external_subject ON users (tenant_id, external_subject) WHERE external_subject IS NOT NULL;
CREATE INDEX users_email_any_tenant ON users (lower(email));
SELECT verbatim_enable_tenant_rls('users');

CREATE TABLE api_keys (
    id           uuid PRIMARY KEY,
    tenant_id    text NOT NULL REFERENCES tenants (id),
    name         text NOT NULL,
    prefix       text NOT NULL,
    key_hash     text NOT NULL UNIQUE,
    role         text NOT NULL CHECK (role IN ('admin', 'manager', 'executive')),
    created_by   uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id, created_at);
SELECT verbatim_enable_tenant_rls('api_keys');

-- Append-only: the application may add and read entries, never change or remove them.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenants (id),
    at          timestamptz NOT NULL DEFAULT now(),
    actor_type  text NOT NULL,
    actor_id    text,
    actor_email text,
    action      text NOT NULL,
    target_type text,
    target_id   text,
    ip          text,
    detail      jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_tenant_at ON audit_log (tenant_id, id DESC);
SELECT verbatim_enable_tenant_rls('audit_log');
REVOKE UPDATE, DELETE ON audit_log FROM ${app_role};

-- Failed sign-ins for throttling; keyed by e-mail and address before any tenant is known.
CREATE TABLE login_failures (
    id        bigserial PRIMARY KEY,
    email_key text NOT NULL,
    ip        text NOT NULL,
    at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_email ON login_failures (email_key, at);
CREATE INDEX login_failures_ip ON login_failures (ip, at);

-- The secret that signs Verbatim's own access tokens, shared by every node of a cluster.
CREATE TABLE signing_keys (
    id         text PRIMARY KEY,
    secret     bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Sign-in happens before a tenant is known: these two look-ups, and only these, see across tenants.
CREATE FUNCTION auth_find_login(p_email text)
    RETURNS TABLE (tenant_id text, user_id uuid, password_hash text, user_active boolean, tenant_active boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT u.tenant_id, u.id, u.password_hash, u.active, t.deactivated_at IS NULL
    FROM users u JOIN tenants t ON t.id = u.tenant_id
    WHERE lower(u.email) = lower(p_email)
$$;

CREATE FUNCTION auth_find_api_key(p_hash text)
    RETURNS TABLE (key_id uuid, tenant_id text, name text, role text, revoked boolean, tenant_active boolean)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT k.id, k.tenant_id, k.name, k.role, k.revoked_at IS NOT NULL, t.deactivated_at IS NULL
    FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
    WHERE k.key_hash = p_hash
$$;
REVOKE ALL ON FUNCTION auth_find_login(text), auth_find_api_key(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_login(text), auth_find_api_key(text) TO ${app_role};
