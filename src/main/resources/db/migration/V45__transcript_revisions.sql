-- Issue 12: a person's correction of one turn of a transcript. The transcript row holds the current text; each
-- revision keeps who changed what, and the turn as it was first stored (the recognised original, with its word
-- timings), so the original can always be shown again. Corrected turns of recognised conversations are the one
-- part of the platform's own recognition that the tenant's speech language model learns from.
CREATE TABLE transcript_revisions (
    id              bigserial PRIMARY KEY,
    tenant_id       text NOT NULL REFERENCES tenants (id),
    conversation_id uuid NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
    turn_index      integer NOT NULL CHECK (turn_index >= 0),
    previous_text   text NOT NULL,
    text            text NOT NULL,
    original_turn   jsonb NOT NULL,
    edited_by       uuid,
    edited_by_email text,
    edited_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transcript_revisions_turn ON transcript_revisions (tenant_id, conversation_id, turn_index, id);
SELECT verbatim_enable_tenant_rls('transcript_revisions');
