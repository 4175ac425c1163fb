-- One row per analysed conversation: the flat call record's fields as columns, for dashboards and
-- filters, and the full documents as JSON. Rebuilt whenever the conversation is re-analysed.
CREATE TABLE analyses (
    conversation_id        uuid PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
    tenant_id              text NOT NULL REFERENCES tenants (id),
    analysed_at            timestamptz NOT NULL DEFAULT now(),
    language               text,
    customer_sentiment     text CHECK (customer_sentiment IN ('negative', 'neutral', 'positive')),
    sentiment_trend        text CHECK (sentiment_trend IN ('improving', 'steady', 'worsening')),
    call_reason            text,
    booking_status         text,
    qualification          text,
    outcome                text,
    deal_value             numeric(14, 2),
    resolution             text,
    customer_effort        smallint,
    commercial_opportunity real,
    churn_risk             real,
    nps_band               text,
    agent_talk_seconds     real,
    customer_talk_seconds  real,
    talk_ratio             real,
    non_talk_seconds       real,
    scorecard              text,
    qa_score               real,
    auto_failed            boolean NOT NULL DEFAULT false,
    objection_categories   text[] NOT NULL DEFAULT '{}',
    pii_count              integer NOT NULL DEFAULT 0,
    summary                text,
    call_record            jsonb NOT NULL,
    qa_record              jsonb
);
CREATE INDEX analyses_reason ON analyses (tenant_id, call_reason);
CREATE INDEX analyses_sentiment ON analyses (tenant_id, customer_sentiment);
CREATE INDEX analyses_objections ON analyses USING gin (objection_categories);
SELECT verbatim_enable_tenant_rls('analyses');

-- Scorecard item results, one row per item, for "most missed items" and drill-downs.
CREATE TABLE qa_item_results (
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    scorecard       text NOT NULL,
    section         text,
    item_key        text NOT NULL,
    result          text NOT NULL CHECK (result IN ('met', 'not_met', 'not_applicable')),
    PRIMARY KEY (conversation_id, item_key)
);
CREATE INDEX qa_item_results_item ON qa_item_results (tenant_id, scorecard, item_key, result);
SELECT verbatim_enable_tenant_rls('qa_item_results');
