-- Mystery shopping (issue 15): a company is a tenant with a profile and a subscription; zones, versioned
-- surveys, campaigns with goals and assigned people, and shopper evaluations with resumable media uploads.
-- Every table is tenant-owned with row-level security forced; soft delete is deleted_at (never shown when set).

CREATE TABLE company_profiles (
    tenant_id           text PRIMARY KEY REFERENCES tenants (id),
    email               text,
    phone               text,
    address             text,
    state               text,
    country             text NOT NULL DEFAULT 'DO' CHECK (country ~ '^[A-Z]{2}$'),
    plan                text NOT NULL DEFAULT 'standard',
    subscription_status text NOT NULL DEFAULT 'active' CHECK (subscription_status IN ('active', 'past_due', 'suspended')),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
SELECT verbatim_enable_tenant_rls('company_profiles');

CREATE TABLE payments (
    id           uuid PRIMARY KEY,
    tenant_id    text NOT NULL REFERENCES tenants (id),
    amount       numeric(14, 2) NOT NULL CHECK (amount > 0),
    currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    period_start date NOT NULL,
    period_end   date NOT NULL,
    method       text NOT NULL,
    reference    text,
    recorded_by  text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    deleted_at   timestamptz,
    CHECK (period_end >= period_start)
);
CREATE INDEX payments_recent ON payments (tenant_id, period_start DESC);
SELECT verbatim_enable_tenant_rls('payments');

CREATE TABLE zones (
    id         uuid PRIMARY KEY,
    tenant_id  text NOT NULL REFERENCES tenants (id),
    name       text NOT NULL,
    country    text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    state      text CHECK (state ~ '^[A-Z]{2}-[A-Z0-9]{1,3}$'),
    city       text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX zones_name ON zones (tenant_id, lower(name)) WHERE deleted_at IS NULL;
SELECT verbatim_enable_tenant_rls('zones');

CREATE TABLE surveys (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    name            text NOT NULL,
    current_version integer NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz,
    UNIQUE (tenant_id, id)
);
SELECT verbatim_enable_tenant_rls('surveys');

-- A new definition is a new version; an evaluation keeps the version it answered.
CREATE TABLE survey_versions (
    tenant_id  text NOT NULL,
    survey_id  uuid NOT NULL,
    version    integer NOT NULL CHECK (version > 0),
    definition jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text,
    PRIMARY KEY (survey_id, version),
    FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id)
);
SELECT verbatim_enable_tenant_rls('survey_versions');

CREATE TABLE campaigns (
    id            uuid PRIMARY KEY,
    tenant_id     text NOT NULL REFERENCES tenants (id),
    name          text NOT NULL,
    description   text,
    status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'closed')),
    survey_id     uuid NOT NULL,
    start_date    date,
    end_date      date,
    goal_total    integer CHECK (goal_total >= 0),
    goal_per_zone integer CHECK (goal_per_zone >= 0),
    target_score  numeric(5, 2) CHECK (target_score BETWEEN 0 AND 100),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id),
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
SELECT verbatim_enable_tenant_rls('campaigns');

CREATE TABLE campaign_zones (
    tenant_id   text NOT NULL,
    campaign_id uuid NOT NULL,
    zone_id     uuid NOT NULL,
    PRIMARY KEY (campaign_id, zone_id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, zone_id) REFERENCES zones (tenant_id, id)
);
SELECT verbatim_enable_tenant_rls('campaign_zones');

CREATE TABLE campaign_members (
    tenant_id   text NOT NULL,
    campaign_id uuid NOT NULL,
    user_id     uuid NOT NULL REFERENCES users (id),
    role        text NOT NULL CHECK (role IN ('manager', 'shopper')),
    PRIMARY KEY (campaign_id, user_id, role),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX campaign_members_user ON campaign_members (tenant_id, user_id);
SELECT verbatim_enable_tenant_rls('campaign_members');

-- Users assigned to zones (shoppers who visit there, managers responsible for them).
CREATE TABLE zone_members (
    tenant_id text NOT NULL,
    zone_id   uuid NOT NULL,
    user_id   uuid NOT NULL REFERENCES users (id),
    PRIMARY KEY (zone_id, user_id),
    FOREIGN KEY (tenant_id, zone_id) REFERENCES zones (tenant_id, id)
);
SELECT verbatim_enable_tenant_rls('zone_members');

CREATE TABLE shopper_evaluations (
    id              uuid PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    campaign_id     uuid NOT NULL,
    zone_id         uuid NOT NULL,
    shopper_id      uuid NOT NULL REFERENCES users (id),
    survey_id       uuid NOT NULL,
    survey_version  integer NOT NULL,
    answers         jsonb NOT NULL DEFAULT '{}',
    score           numeric(5, 2),
    passed          boolean,
    critical_failed boolean NOT NULL DEFAULT false,
    status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'analyzing', 'completed', 'failed')),
    status_reason   text,
    language        text,
    check_in_at     timestamptz,
    latitude        double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude       double precision CHECK (longitude BETWEEN -180 AND 180),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, campaign_id) REFERENCES campaigns (tenant_id, id),
    FOREIGN KEY (tenant_id, zone_id) REFERENCES zones (tenant_id, id),
    FOREIGN KEY (survey_id, survey_version) REFERENCES survey_versions (survey_id, version)
);
CREATE INDEX shopper_evaluations_campaign ON shopper_evaluations (tenant_id, campaign_id, zone_id) WHERE deleted_at IS NULL;
CREATE INDEX shopper_evaluations_shopper ON shopper_evaluations (tenant_id, shopper_id, created_at DESC);
CREATE INDEX shopper_evaluations_recent ON shopper_evaluations (tenant_id, created_at DESC, id DESC);
SELECT verbatim_enable_tenant_rls('shopper_evaluations');

-- One tus upload (a video or audio file of an evaluation); the bytes wait in a spool file until complete.
CREATE TABLE evaluation_uploads (
    id            uuid PRIMARY KEY,
    tenant_id     text NOT NULL,
    evaluation_id uuid NOT NULL,
    upload_length bigint NOT NULL CHECK (upload_length >= 0),
    upload_offset bigint NOT NULL DEFAULT 0 CHECK (upload_offset >= 0 AND upload_offset <= upload_length),
    filename      text,
    content_type  text,
    blob_key      text,
    sha256        text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    completed_at  timestamptz,
    FOREIGN KEY (tenant_id, evaluation_id) REFERENCES shopper_evaluations (tenant_id, id)
);
CREATE INDEX evaluation_uploads_evaluation ON evaluation_uploads (tenant_id, evaluation_id);
SELECT verbatim_enable_tenant_rls('evaluation_uploads');

-- The conversations an evaluation's recordings (or its uploaded transcript) became; their analysis feeds the
-- evaluation's dual analysis.
CREATE TABLE evaluation_conversations (
    tenant_id       text NOT NULL,
    conversation_id uuid PRIMARY KEY,
    evaluation_id   uuid NOT NULL,
    upload_id       uuid,
    kind            text NOT NULL CHECK (kind IN ('media', 'transcript')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, evaluation_id) REFERENCES shopper_evaluations (tenant_id, id)
);
CREATE INDEX evaluation_conversations_evaluation ON evaluation_conversations (tenant_id, evaluation_id);
SELECT verbatim_enable_tenant_rls('evaluation_conversations');

-- The dual analysis: executive (markdown narrative in the evaluation's language) and operative (JSON,
-- docs/schemas/evaluation-operative-v1.schema.json). Replaced when the evaluation is analysed again.
CREATE TABLE evaluation_analyses (
    tenant_id       text NOT NULL,
    evaluation_id   uuid PRIMARY KEY,
    conversation_id uuid NOT NULL,
    language        text NOT NULL,
    executive       jsonb NOT NULL,
    operative       jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (tenant_id, evaluation_id) REFERENCES shopper_evaluations (tenant_id, id)
);
SELECT verbatim_enable_tenant_rls('evaluation_analyses');

-- In-app notifications, one row per recipient.
CREATE TABLE notifications (
    id         uuid PRIMARY KEY,
    tenant_id  text NOT NULL REFERENCES tenants (id),
    user_id    uuid NOT NULL REFERENCES users (id),
    kind       text NOT NULL,
    title      text NOT NULL,
    link       text,
    data       jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz
);
CREATE INDEX notifications_user ON notifications (tenant_id, user_id, created_at DESC);
SELECT verbatim_enable_tenant_rls('notifications');
