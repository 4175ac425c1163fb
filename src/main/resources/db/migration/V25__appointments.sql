-- Appointments of field sales reps, each rep's calendar feed secret, and tasks (pending actions).

-- btree_gist lets one exclusion constraint compare the rep with = and the time range with && (trusted extension).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A rep cannot be in two places at once: the database itself refuses an appointment whose time overlaps another
-- active one (scheduled or completed) of the same rep, so concurrent bookings of one slot cannot both win.
CREATE TABLE appointments (
    id                     uuid PRIMARY KEY,
    tenant_id              text NOT NULL REFERENCES tenants (id),
    contact_card_id        uuid REFERENCES contact_card (id) ON DELETE SET NULL,
    sales_rep_id           uuid NOT NULL,
    booked_by_id           uuid,
    service_type           text,
    scheduled_start        timestamptz NOT NULL,
    scheduled_end          timestamptz NOT NULL,
    status                 text NOT NULL DEFAULT 'scheduled'
                           CHECK (status IN ('scheduled', 'completed', 'no_show', 'cancelled')),
    outcome                text NOT NULL DEFAULT 'open' CHECK (outcome IN ('closed_won', 'closed_lost', 'open')),
    deal_value             numeric(14, 2) CHECK (deal_value >= 0),
    source_conversation_id uuid REFERENCES conversations (id) ON DELETE SET NULL,
    notes                  text,
    idempotency_key        text,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, idempotency_key),
    CHECK (scheduled_end > scheduled_start),
    CONSTRAINT appointments_no_double_booking EXCLUDE USING gist (
        tenant_id WITH =, sales_rep_id WITH =, tstzrange(scheduled_start, scheduled_end) WITH &&)
        WHERE (status IN ('scheduled', 'completed'))
);
CREATE INDEX appointments_rep_day ON appointments (tenant_id, sales_rep_id, scheduled_start);
CREATE INDEX appointments_booked_by ON appointments (tenant_id, booked_by_id, scheduled_start);
CREATE INDEX appointments_start ON appointments (tenant_id, scheduled_start, id);
CREATE INDEX appointments_contact ON appointments (tenant_id, contact_card_id);
CREATE INDEX appointments_source ON appointments (tenant_id, source_conversation_id);
SELECT verbatim_enable_tenant_rls('appointments');

-- The secret in a rep's calendar-feed URL (calendar apps send no bearer token), one per rep, replaced on rotation
-- and deleted on revocation. The feed is found by the secret's SHA-256; the secret itself is kept only sealed under
-- the tenant's data key (credentials module), so the rep can be shown their URL again.
CREATE TABLE rep_calendar_feeds (
    tenant_id    text NOT NULL REFERENCES tenants (id),
    sales_rep_id uuid NOT NULL,
    token_hash   text NOT NULL UNIQUE,
    token_sealed text NOT NULL,
    created_by   uuid,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    PRIMARY KEY (tenant_id, sales_rep_id)
);
SELECT verbatim_enable_tenant_rls('rep_calendar_feeds');

-- The feed request carries no tenant: this look-up, and only it, finds the tenant of a feed secret for the rep in
-- the path, and returns nothing but that tenant id.
CREATE FUNCTION rep_calendar_feed_tenant(p_rep uuid, p_token_hash text)
    RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT f.tenant_id FROM rep_calendar_feeds f JOIN tenants t ON t.id = f.tenant_id
    WHERE f.sales_rep_id = p_rep AND f.token_hash = p_token_hash AND t.deactivated_at IS NULL
$$;
REVOKE ALL ON FUNCTION rep_calendar_feed_tenant(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rep_calendar_feed_tenant(uuid, text) TO ${app_role};

-- Pending actions: one row per (contact, category, due day), so re-analysing a call never duplicates a task.
CREATE TABLE tasks (
    id                     uuid PRIMARY KEY,
    tenant_id              text NOT NULL REFERENCES tenants (id),
    contact_card_id        uuid REFERENCES contact_card (id) ON DELETE SET NULL,
    source_conversation_id uuid REFERENCES conversations (id) ON DELETE SET NULL,
    appointment_id         uuid REFERENCES appointments (id) ON DELETE SET NULL,
    category               text NOT NULL,
    title                  text NOT NULL,
    due_date               date,
    due_hint               text,
    assignee_kind          text NOT NULL CHECK (assignee_kind IN ('csr', 'sales_rep', 'exec', 'system')),
    assignee_id            uuid,
    status                 text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'completed', 'cancelled')),
    origin                 text NOT NULL CHECK (origin IN ('analysis', 'manual')),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);
-- The natural key of tasks the analysis creates: contact, category, due day. A call without a contact card stands
-- for its own contact (its conversation id), so two unknown callers never share a task; no due day is one value.
CREATE UNIQUE INDEX tasks_natural_key ON tasks (tenant_id, (COALESCE(contact_card_id, source_conversation_id)), category, due_date)
    NULLS NOT DISTINCT WHERE origin = 'analysis';
CREATE INDEX tasks_assignee ON tasks (tenant_id, assignee_id, status, due_date);
CREATE INDEX tasks_due ON tasks (tenant_id, status, due_date, id);
SELECT verbatim_enable_tenant_rls('tasks');

-- A rep's recording of a visit: audio arrives in chunks appended at their offset (resumable: the client asks for
-- bytes_received and goes on from there); stopping hands the recording to the intake as a field_visit conversation.
CREATE TABLE recording_sessions (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    appointment_id  uuid NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    sales_rep_id    uuid NOT NULL,
    status          text NOT NULL DEFAULT 'recording' CHECK (status IN ('recording', 'stopped')),
    bytes_received  bigint NOT NULL DEFAULT 0,
    content_type    text,
    conversation_id uuid REFERENCES conversations (id) ON DELETE SET NULL,
    started_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    stopped_at      timestamptz
);
CREATE INDEX recording_sessions_appointment ON recording_sessions (tenant_id, appointment_id, started_at);
SELECT verbatim_enable_tenant_rls('recording_sessions');
