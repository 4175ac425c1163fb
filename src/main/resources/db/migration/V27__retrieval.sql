-- One retrieval engine for calls and documents: PostgreSQL holds every passage and its embedding (the
-- source of truth); each node's Lucene index is a replica that follows the per-tenant change sequence.

-- The last change sequence number of each tenant. A writer bumps it with UPDATE ... RETURNING, which
-- holds the row lock until commit: a tenant's changes commit in sequence order, so a replica that has
-- seen change n has seen every change before it.
CREATE TABLE retrieval_sequences (
    tenant_id text PRIMARY KEY REFERENCES tenants (id),
    last_seq  bigint NOT NULL DEFAULT 0
);
SELECT verbatim_enable_tenant_rls('retrieval_sequences');

-- One row per source (a conversation or a document), kept after deletion as a tombstone so that
-- replicas learn of the removal; seq = the change that last touched it.
CREATE TABLE retrieval_sources (
    tenant_id      text NOT NULL REFERENCES tenants (id),
    kind           text NOT NULL CHECK (kind IN ('conversation', 'document')),
    source_id      uuid NOT NULL,
    version        bigint NOT NULL,
    seq            bigint NOT NULL,
    deleted        boolean NOT NULL DEFAULT false,
    collection_ids uuid[] NOT NULL DEFAULT '{}',
    facets         jsonb NOT NULL DEFAULT '{}',
    at             timestamptz,
    passages       integer NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, kind, source_id)
);
CREATE INDEX retrieval_sources_seq ON retrieval_sources (tenant_id, seq);
SELECT verbatim_enable_tenant_rls('retrieval_sources');

-- Passages with their embeddings (float32 little-endian, unit length).
CREATE TABLE retrieval_passages (
    tenant_id text NOT NULL,
    kind      text NOT NULL,
    source_id uuid NOT NULL,
    seq       integer NOT NULL,
    text      text NOT NULL,
    page      integer,
    second    double precision,
    speaker   text,
    metadata  jsonb NOT NULL DEFAULT '{}',
    embedding bytea NOT NULL,
    PRIMARY KEY (tenant_id, kind, source_id, seq),
    FOREIGN KEY (tenant_id, kind, source_id) REFERENCES retrieval_sources (tenant_id, kind, source_id) ON DELETE CASCADE
);
SELECT verbatim_enable_tenant_rls('retrieval_passages');

-- Every tenant's head sequence, for the replica followers' poll (one query for all tenants; reveals
-- only tenant ids and counters).
CREATE FUNCTION retrieval_heads() RETURNS TABLE (tenant_id text, last_seq bigint)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT tenant_id, last_seq FROM retrieval_sequences
$$;
REVOKE ALL ON FUNCTION retrieval_heads() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION retrieval_heads() TO ${app_role};
