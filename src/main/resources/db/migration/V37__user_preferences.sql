-- Per-user preferences (preferences module): the pages' language and which notifications also go out by e-mail.
CREATE TABLE user_preferences (
    tenant_id           text NOT NULL REFERENCES tenants (id),
    user_id             uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    language            text CHECK (language IN ('es', 'en')),
    email_notifications text[] NOT NULL DEFAULT '{}',
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
SELECT verbatim_enable_tenant_rls('user_preferences');
