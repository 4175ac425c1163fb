-- Document library: collections with read permissions, documents and their versions.
-- Read permissions are a second, restrictive policy beside tenant isolation: PostgreSQL itself hides a
-- collection (and every document in it) from a caller whose role, team or user it does not name.
-- The caller comes from the transaction-local settings app.role / app.team_id / app.user_id that the
-- application sets with app.tenant_id; background work sets app.role = 'system'. No role: nothing.

CREATE FUNCTION verbatim_may_read(roles text[], teams uuid[], users uuid[]) RETURNS boolean
    LANGUAGE sql STABLE SET search_path = public AS $$
    SELECT CASE coalesce(current_setting('app.role', true), '')
        WHEN '' THEN false
        WHEN 'admin' THEN true
        WHEN 'platform_admin' THEN true
        WHEN 'system' THEN true
        ELSE current_setting('app.role', true) = ANY (roles)
            OR coalesce(nullif(current_setting('app.team_id', true), '')::uuid = ANY (teams), false)
            OR coalesce(nullif(current_setting('app.user_id', true), '')::uuid = ANY (users), false)
    END
$$;

CREATE TABLE document_collections (
    id          uuid PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenants (id),
    name        text NOT NULL,
    read_roles  text[] NOT NULL DEFAULT '{}',
    read_teams  uuid[] NOT NULL DEFAULT '{}',
    read_users  uuid[] NOT NULL DEFAULT '{}',
    created_by  uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX document_collections_name ON document_collections (tenant_id, lower(name));
SELECT verbatim_enable_tenant_rls('document_collections');
CREATE POLICY read_permission ON document_collections AS RESTRICTIVE FOR SELECT TO ${app_role}
    USING (verbatim_may_read(read_roles, read_teams, read_users));

CREATE TABLE documents (
    id             uuid PRIMARY KEY,
    tenant_id      text NOT NULL REFERENCES tenants (id),
    collection_id  uuid NOT NULL,
    title          text NOT NULL,
    version        integer NOT NULL DEFAULT 1,
    filename       text NOT NULL,
    content_type   text NOT NULL,
    size_bytes     bigint NOT NULL,
    sha256         text NOT NULL,
    blob_key       text NOT NULL,
    status         text NOT NULL CHECK (status IN ('extracting', 'chunking', 'embedding', 'indexed', 'failed')),
    failure_code   text CHECK (failure_code IN ('encrypted', 'corrupt', 'empty', 'too_many_pages', 'unsupported', 'error')),
    failure_reason text,
    pages          integer,
    passages       integer,
    attempts       integer NOT NULL DEFAULT 0,
    locked_until   timestamptz,
    created_by     uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    processed_at   timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, collection_id) REFERENCES document_collections (tenant_id, id)
);
CREATE UNIQUE INDEX documents_title ON documents (tenant_id, collection_id, lower(title));
CREATE INDEX documents_due ON documents (updated_at) WHERE status IN ('extracting', 'chunking', 'embedding');
SELECT verbatim_enable_tenant_rls('documents');
CREATE POLICY read_permission ON documents AS RESTRICTIVE FOR SELECT TO ${app_role}
    USING (EXISTS (SELECT 1 FROM document_collections c WHERE c.tenant_id = documents.tenant_id AND c.id = documents.collection_id));

CREATE TABLE document_versions (
    tenant_id    text NOT NULL REFERENCES tenants (id),
    document_id  uuid NOT NULL,
    version      integer NOT NULL,
    filename     text NOT NULL,
    content_type text NOT NULL,
    size_bytes   bigint NOT NULL,
    sha256       text NOT NULL,
    blob_key     text NOT NULL,
    created_by   uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (document_id, version),
    FOREIGN KEY (tenant_id, document_id) REFERENCES documents (tenant_id, id) ON DELETE CASCADE
);
SELECT verbatim_enable_tenant_rls('document_versions');
CREATE POLICY read_permission ON document_versions AS RESTRICTIVE FOR SELECT TO ${app_role}
    USING (EXISTS (SELECT 1 FROM documents d WHERE d.tenant_id = document_versions.tenant_id AND d.id = document_versions.document_id));

-- The processing scan runs once per cluster and needs to know which tenants have work; tenant ids only.
CREATE FUNCTION documents_due_tenants() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT DISTINCT tenant_id FROM documents
    WHERE status IN ('extracting', 'chunking', 'embedding') AND (locked_until IS NULL OR locked_until < now())
$$;
REVOKE ALL ON FUNCTION documents_due_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION documents_due_tenants() TO ${app_role};

-- Personas: what a chat answers from and how; every change is a new version, kept.
CREATE TABLE personas (
    id             uuid PRIMARY KEY,
    tenant_id      text NOT NULL REFERENCES tenants (id),
    version        integer NOT NULL DEFAULT 1,
    name           text NOT NULL,
    instructions   text NOT NULL DEFAULT '',
    tone           text,
    language       text,
    answer_length  text NOT NULL DEFAULT 'medium' CHECK (answer_length IN ('short', 'medium', 'long')),
    refusal        text NOT NULL,
    collection_ids uuid[] NOT NULL DEFAULT '{}',
    use_calls      boolean NOT NULL DEFAULT false,
    created_by     uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX personas_name ON personas (tenant_id, lower(name));
SELECT verbatim_enable_tenant_rls('personas');

CREATE TABLE persona_versions (
    tenant_id      text NOT NULL REFERENCES tenants (id),
    persona_id     uuid NOT NULL,
    version        integer NOT NULL,
    name           text NOT NULL,
    instructions   text NOT NULL,
    tone           text,
    language       text,
    answer_length  text NOT NULL,
    refusal        text NOT NULL,
    collection_ids uuid[] NOT NULL,
    use_calls      boolean NOT NULL,
    changed_by     uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (persona_id, version),
    FOREIGN KEY (tenant_id, persona_id) REFERENCES personas (tenant_id, id) ON DELETE CASCADE
);
SELECT verbatim_enable_tenant_rls('persona_versions');

-- Chat sessions belong to the user (or API key) that started them.
CREATE TABLE chat_sessions (
    id          uuid PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenants (id),
    persona_id  uuid NOT NULL,
    user_id     uuid,
    api_key_id  uuid,
    title       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, persona_id) REFERENCES personas (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX chat_sessions_owner ON chat_sessions (tenant_id, user_id, updated_at DESC);
SELECT verbatim_enable_tenant_rls('chat_sessions');

CREATE TABLE chat_messages (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    session_id      uuid NOT NULL,
    seq             integer NOT NULL,
    role            text NOT NULL CHECK (role IN ('user', 'assistant')),
    content         text NOT NULL,
    resolved_query  text,
    citations       jsonb NOT NULL DEFAULT '[]',
    kind            text CHECK (kind IN ('extractive', 'generated', 'refusal')),
    answered        boolean,
    persona_version integer,
    feedback        smallint CHECK (feedback IN (-1, 1)),
    feedback_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (session_id, seq),
    FOREIGN KEY (tenant_id, session_id) REFERENCES chat_sessions (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX chat_messages_unanswered ON chat_messages (tenant_id, created_at DESC) WHERE answered = false;
SELECT verbatim_enable_tenant_rls('chat_messages');

-- Tracked links: a document shared through an expiring, revocable link; the token is stored as SHA-256 only.
CREATE TABLE document_links (
    id          uuid PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenants (id),
    document_id uuid NOT NULL,
    token_hash  text NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    created_by  uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, document_id) REFERENCES documents (tenant_id, id) ON DELETE CASCADE
);
SELECT verbatim_enable_tenant_rls('document_links');
CREATE POLICY read_permission ON document_links AS RESTRICTIVE FOR SELECT TO ${app_role}
    USING (EXISTS (SELECT 1 FROM documents d WHERE d.tenant_id = document_links.tenant_id AND d.id = document_links.document_id));

CREATE TABLE document_link_opens (
    id          bigserial PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenants (id),
    link_id     uuid NOT NULL,
    opened_at   timestamptz NOT NULL DEFAULT now(),
    address     text,
    user_agent  text,
    FOREIGN KEY (tenant_id, link_id) REFERENCES document_links (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX document_link_opens_link ON document_link_opens (tenant_id, link_id, opened_at DESC);
SELECT verbatim_enable_tenant_rls('document_link_opens');

-- Opening a shared link happens before any tenant is known: the token's hash gives the tenant and link only.
CREATE FUNCTION document_link_find(hash text) RETURNS TABLE (tenant_id text, link_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT tenant_id, id FROM document_links WHERE token_hash = hash
$$;
REVOKE ALL ON FUNCTION document_link_find(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION document_link_find(text) TO ${app_role};
