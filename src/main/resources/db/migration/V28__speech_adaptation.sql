-- Speech adaptation (docs/speech.md, "Tenant vocabulary and domain language model").

-- A tenant's vocabulary: [{"text": "Summit Roofing", "sounds_like": ["summit roofin"]}], replaced whole by PUT.
CREATE TABLE speech_vocabulary (
    tenant_id  text PRIMARY KEY REFERENCES tenants (id),
    phrases    jsonb NOT NULL DEFAULT '[]',
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text
);
SELECT verbatim_enable_tenant_rls('speech_vocabulary');

-- A tenant's domain language model and its build state. The rebuild job compares text_fingerprint (what the
-- tenant's text looks like now) with built_fingerprint (what the stored model was built from); a change of
-- vocabulary, imported or corrected transcripts or scorecards makes them differ, and a rebuild request sets
-- status 'pending'. The ARPA text is stored gzipped here: every node can load it, and it goes with the tenant.
CREATE TABLE speech_language_models (
    tenant_id         text PRIMARY KEY REFERENCES tenants (id),
    status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'building', 'ready', 'failed')),
    version           integer NOT NULL DEFAULT 0,
    requested_at      timestamptz NOT NULL DEFAULT now(),
    started_at        timestamptz,
    built_at          timestamptz,
    built_fingerprint text,
    arpa_gz           bytea,
    -- {"sentences":..,"words":..,"vocabulary":..,"bigrams":..,"trigrams":..,"millis":..}
    statistics        jsonb,
    -- words outside the recogniser's dictionary: {"comfortpro": "K AH M F ER T P R OW"}
    pronunciations    jsonb NOT NULL DEFAULT '{}',
    unpronounceable   jsonb NOT NULL DEFAULT '[]',
    error             text
);
SELECT verbatim_enable_tenant_rls('speech_language_models');
