-- Contact cards (docs/contacts.md): the one person every conversation, lead, appointment, recording session and
-- task points to. Phones are E.164 (libphonenumber, the tenant's default region); e-mail is stored lower-cased.
CREATE TABLE contact_card (
    id                uuid PRIMARY KEY,
    tenant_id         text NOT NULL REFERENCES tenants (id),
    primary_phone     text CHECK (primary_phone ~ '^\+[1-9][0-9]{3,14}$'),
    secondary_phones  text[] NOT NULL DEFAULT '{}',
    email             text CHECK (email = lower(email) AND email LIKE '%_@_%'),
    first_name        text,
    last_name         text,
    full_name         text,
    address_line1     text,
    address_line2     text,
    city              text,
    state             text,
    zip               text,
    country           text,
    source            text NOT NULL DEFAULT 'manual'
                      CHECK (source IN ('callrail', 'manual', 'auto_ai', 'import', 'verbatim')),
    -- property_type, roof_type, square_feet, valuation, hoa, bedrooms, bathrooms, year_built + free-form extras
    property          jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(property) = 'object'),
    -- AI fields, kept current from each analysed conversation
    last_call_summary text,
    primary_intent    text,
    risks             text[] NOT NULL DEFAULT '{}',
    tags              text[] NOT NULL DEFAULT '{}',
    -- a merged card stays (its id may be linked from outside) but points to the card that absorbed it
    merged_into       uuid REFERENCES contact_card (id),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (merged_into IS NULL OR merged_into <> id)
);
-- One live card per phone and per e-mail: concurrent find-or-create of the same new number makes exactly one card.
-- Queries compare plain columns with = (leak-proof operators): under row-level security PostgreSQL only uses an index
-- for leak-proof conditions, so lower(), LIKE and array @> would scan the whole tenant.
CREATE UNIQUE INDEX contact_card_phone ON contact_card (tenant_id, primary_phone)
    WHERE merged_into IS NULL AND primary_phone IS NOT NULL;
CREATE UNIQUE INDEX contact_card_email ON contact_card (tenant_id, email)
    WHERE merged_into IS NULL AND email IS NOT NULL;
ALTER TABLE contact_card ADD COLUMN search_name text GENERATED ALWAYS AS (lower(full_name)) STORED,
                         ADD COLUMN search_last text GENERATED ALWAYS AS (lower(last_name)) STORED;
CREATE INDEX contact_card_name ON contact_card (tenant_id, search_name text_pattern_ops) WHERE merged_into IS NULL;
CREATE INDEX contact_card_last_name ON contact_card (tenant_id, search_last text_pattern_ops) WHERE merged_into IS NULL;
CREATE INDEX contact_card_recent ON contact_card (tenant_id, updated_at DESC, id) WHERE merged_into IS NULL;
CREATE INDEX contact_card_merged ON contact_card (tenant_id, merged_into) WHERE merged_into IS NOT NULL;
SELECT verbatim_enable_tenant_rls('contact_card');

-- Every phone of every live card (primary and secondary), kept by a trigger: the phone look-up's index.
CREATE TABLE contact_phones (
    tenant_id       text NOT NULL REFERENCES tenants (id),
    phone           text NOT NULL,
    contact_card_id uuid NOT NULL REFERENCES contact_card (id) ON DELETE CASCADE,
    is_primary      boolean NOT NULL,
    PRIMARY KEY (tenant_id, phone, contact_card_id)
);
CREATE INDEX contact_phones_card ON contact_phones (tenant_id, contact_card_id);
SELECT verbatim_enable_tenant_rls('contact_phones');

CREATE FUNCTION contact_phones_sync() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM contact_phones WHERE tenant_id = NEW.tenant_id AND contact_card_id = NEW.id;
    END IF;
    IF NEW.merged_into IS NULL THEN
        INSERT INTO contact_phones (tenant_id, phone, contact_card_id, is_primary)
        SELECT NEW.tenant_id, p, NEW.id, p = NEW.primary_phone
        FROM (SELECT NEW.primary_phone AS p UNION SELECT unnest(NEW.secondary_phones)) phones
        WHERE p IS NOT NULL
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$fn$;
CREATE TRIGGER contact_card_phones AFTER INSERT OR UPDATE OF primary_phone, secondary_phones, merged_into ON contact_card
    FOR EACH ROW EXECUTE FUNCTION contact_phones_sync();

ALTER TABLE conversations ADD COLUMN contact_card_id uuid REFERENCES contact_card (id);
CREATE INDEX conversations_contact_card ON conversations (tenant_id, contact_card_id, started_at DESC)
    WHERE contact_card_id IS NOT NULL;

-- Leads (docs/contacts.md): one open lead (new, qualified, pending) per contact, enforced here; booked and dead
-- leads are closed. Qualification comes from the analysis until a person sets it; every change is in lead_history.
CREATE TABLE leads (
    id                     uuid PRIMARY KEY,
    tenant_id              text NOT NULL REFERENCES tenants (id),
    contact_card_id        uuid NOT NULL REFERENCES contact_card (id),
    stage                  text NOT NULL DEFAULT 'new' CHECK (stage IN ('new', 'qualified', 'booked', 'pending', 'dead')),
    qualification          text CHECK (qualification IN ('hot', 'warm', 'cold', 'unqualified')),
    qualification_set_by   text NOT NULL DEFAULT 'analysis' CHECK (qualification_set_by IN ('analysis', 'person')),
    source                 text NOT NULL DEFAULT 'manual',
    source_conversation_id uuid REFERENCES conversations (id) ON DELETE SET NULL,
    csr_user_id            uuid,
    assigned_rep_user_id   uuid,
    last_activity_at       timestamptz NOT NULL DEFAULT now(),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX leads_one_open_per_contact ON leads (tenant_id, contact_card_id) WHERE stage IN ('new', 'qualified', 'pending');
CREATE INDEX leads_contact ON leads (tenant_id, contact_card_id, created_at DESC);
CREATE INDEX leads_recent ON leads (tenant_id, last_activity_at DESC, id);
CREATE INDEX leads_csr ON leads (tenant_id, csr_user_id, last_activity_at DESC) WHERE csr_user_id IS NOT NULL;
CREATE INDEX leads_rep ON leads (tenant_id, assigned_rep_user_id, last_activity_at DESC) WHERE assigned_rep_user_id IS NOT NULL;
SELECT verbatim_enable_tenant_rls('leads');

CREATE TABLE lead_history (
    id          bigserial PRIMARY KEY,
    tenant_id   text NOT NULL REFERENCES tenants (id),
    lead_id     uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL DEFAULT now(),
    field       text NOT NULL CHECK (field IN ('stage', 'qualification', 'assigned_rep', 'contact')),
    old_value   text,
    new_value   text,
    -- 'analysis' (with the conversation), 'person' (with the user), 'merge'
    changed_by  text NOT NULL,
    actor_id    text,
    reason      text
);
CREATE INDEX lead_history_lead ON lead_history (tenant_id, lead_id, id);
SELECT verbatim_enable_tenant_rls('lead_history');
