-- Sign-in sessions: every sign-in (password, password + TOTP, SSO) is one row; its access tokens name it
-- (claim sid) and stop working once it is revoked. Refresh tokens rotate on every use; all of a session's
-- refresh tokens are its family, and presenting a spent one revokes the session.
CREATE TABLE auth_sessions (
    id             uuid PRIMARY KEY,
    tenant_id      text NOT NULL REFERENCES tenants (id),
    user_id        uuid NOT NULL REFERENCES users (id),
    method         text NOT NULL,
    factors        text[] NOT NULL,
    user_agent     text,
    ip             text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text,
    UNIQUE (tenant_id, id)
);
CREATE INDEX auth_sessions_user ON auth_sessions (tenant_id, user_id, created_at DESC);
SELECT verbatim_enable_tenant_rls('auth_sessions');

-- Only SHA-256 hashes of refresh tokens (256 random bits each) are kept.
CREATE TABLE auth_refresh_tokens (
    token_hash text PRIMARY KEY,
    tenant_id  text NOT NULL REFERENCES tenants (id),
    session_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    spent_at   timestamptz,
    FOREIGN KEY (tenant_id, session_id) REFERENCES auth_sessions (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX auth_refresh_tokens_session ON auth_refresh_tokens (tenant_id, session_id);
SELECT verbatim_enable_tenant_rls('auth_refresh_tokens');

-- A user's TOTP authenticator: the seed sealed under the tenant's data key (credentials module), never plain.
-- last_step is the last accepted 30-second step, so a code is good once.
CREATE TABLE mfa_totp (
    tenant_id      text NOT NULL REFERENCES tenants (id),
    user_id        uuid NOT NULL REFERENCES users (id),
    sealed_secret  text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    confirmed_at   timestamptz,
    last_step      bigint,
    PRIMARY KEY (tenant_id, user_id)
);
SELECT verbatim_enable_tenant_rls('mfa_totp');

-- One-time recovery codes, stored as SHA-256 of user id and code (80 random bits per code).
CREATE TABLE mfa_recovery_codes (
    tenant_id  text NOT NULL REFERENCES tenants (id),
    user_id    uuid NOT NULL REFERENCES users (id),
    code_hash  text NOT NULL,
    used_at    timestamptz,
    PRIMARY KEY (tenant_id, user_id, code_hash)
);
SELECT verbatim_enable_tenant_rls('mfa_recovery_codes');

-- The second step of a sign-in: a short-lived challenge (hash only) issued after the password was right.
CREATE TABLE mfa_challenges (
    challenge_hash text PRIMARY KEY,
    tenant_id      text NOT NULL REFERENCES tenants (id),
    user_id        uuid NOT NULL REFERENCES users (id),
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    attempts       int NOT NULL DEFAULT 0,
    used_at        timestamptz
);
CREATE INDEX mfa_challenges_expiry ON mfa_challenges (expires_at);
SELECT verbatim_enable_tenant_rls('mfa_challenges');

-- Refresh and MFA-challenge tokens are presented before a tenant is known, like passwords and API keys:
-- these look-ups return only the tenant and ids the caller then works with under row-level security.
CREATE FUNCTION auth_find_refresh_token(p_hash text)
    RETURNS TABLE (tenant_id text, session_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT r.tenant_id, r.session_id FROM auth_refresh_tokens r WHERE r.token_hash = p_hash
$$;

CREATE FUNCTION auth_find_mfa_challenge(p_hash text)
    RETURNS TABLE (tenant_id text, user_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT c.tenant_id, c.user_id FROM mfa_challenges c WHERE c.challenge_hash = p_hash
$$;
REVOKE ALL ON FUNCTION auth_find_refresh_token(text), auth_find_mfa_challenge(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_find_refresh_token(text), auth_find_mfa_challenge(text) TO ${app_role};
