-- Which analyst wrote each view of an evaluation's analysis: 'built_in' or 'llm' (the tenant's configured model), and
-- the LLM's record (model, per-view fallbacks with the reason, quotes dropped because the transcript does not have
-- them). The table already has tenant_id and forced RLS (V29); new columns change neither.
ALTER TABLE evaluation_analyses
    ADD COLUMN executive_source text NOT NULL DEFAULT 'built_in' CHECK (executive_source IN ('built_in', 'llm')),
    ADD COLUMN operative_source text NOT NULL DEFAULT 'built_in' CHECK (operative_source IN ('built_in', 'llm')),
    ADD COLUMN llm jsonb;
