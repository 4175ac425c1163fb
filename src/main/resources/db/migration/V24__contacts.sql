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
CREATE UNIQUE INDEX contact_card_phone ON contact_card (tenant_id, primary_phone)
    WHERE merged_into IS NULL AND primary_phone IS NOT NULL;
CREATE UNIQUE INDEX contact_card_email ON contact_card (tenant_id, lower(email))
    WHERE merged_into IS NULL AND email IS NOT NULL;
CREATE INDEX contact_card_secondary_phones ON contact_card USING gin (secondary_phones);
CREATE INDEX contact_card_name ON contact_card (tenant_id, lower(full_name) text_pattern_ops) WHERE merged_into IS NULL;
CREATE INDEX contact_card_recent ON contact_card (tenant_id, updated_at DESC, id) WHERE merged_into IS NULL;
SELECT verbatim_enable_tenant_rls('contact_card');

ALTER TABLE conversations ADD COLUMN contact_card_id uuid REFERENCES contact_card (id);
CREATE INDEX conversations_contact_card ON conversations (tenant_id, contact_card_id, started_at DESC)
    WHERE contact_card_id IS NOT NULL;
