-- Backups of the whole platform database and their restore verifications. Platform tables (no tenant
-- rows): only the owner role reads and writes them, through the operations module; the application role
-- gets no access at all, so no tenant request can read another's (or any) backup record.
CREATE TABLE backups (
    id              uuid PRIMARY KEY,
    name            text NOT NULL UNIQUE,
    trigger         text NOT NULL CHECK (trigger IN ('scheduled', 'manual')),
    status          text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    schema_version  text,
    tables          integer,
    total_rows      bigint,
    size_bytes      bigint,
    blobs           bigint,
    blob_bytes      bigint,
    duration_ms     bigint,
    error           text,
    requested_by    text,
    idempotency_key text UNIQUE,
    deleted_at      timestamptz
);
CREATE INDEX backups_recent ON backups (name DESC);

CREATE TABLE backup_verification_log (
    id               bigserial PRIMARY KEY,
    backup_id        uuid REFERENCES backups (id) ON DELETE SET NULL,
    backup_name      text,
    trigger          text NOT NULL CHECK (trigger IN ('scheduled', 'manual')),
    status           text NOT NULL CHECK (status IN ('queued', 'running', 'passed', 'failed')),
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    duration_ms      bigint,
    scratch_database text,
    tables_checked   integer,
    rows_checked     bigint,
    mismatches       jsonb NOT NULL DEFAULT '[]',
    blobs_missing    bigint,
    error            text,
    requested_by     text,
    idempotency_key  text UNIQUE
);
CREATE INDEX backup_verification_log_finished ON backup_verification_log (finished_at DESC) WHERE finished_at IS NOT NULL;

REVOKE ALL ON backups, backup_verification_log FROM ${app_role};
REVOKE ALL ON SEQUENCE backup_verification_log_id_seq FROM ${app_role};
