-- Evaluation runs: a labelled set a tenant admin uploaded, imported as conversations of that tenant and
-- scored against its labels once analysed. items holds, per labelled conversation, its id, the gold
-- labels, the turn texts (to place PII spans) and the conversation it became (or why it was refused).
CREATE TABLE evaluation_runs (
    id          uuid PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenants (id),
    name        text NOT NULL,
    created_by  text,
    status      text NOT NULL CHECK (status IN ('importing', 'analysing', 'done', 'failed')),
    total       integer NOT NULL DEFAULT 0,
    imported    integer NOT NULL DEFAULT 0,
    refused     integer NOT NULL DEFAULT 0,
    analysed    integer NOT NULL DEFAULT 0,
    failed      integer NOT NULL DEFAULT 0,
    items       jsonb NOT NULL DEFAULT '[]',
    report      jsonb,
    error       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);
CREATE INDEX evaluation_runs_recent ON evaluation_runs (tenant_id, created_at DESC, id);
SELECT verbatim_enable_tenant_rls('evaluation_runs');
