-- Issue 13, measured at 1,000,000 conversations and 300,000 appointments (docs/csr.md, "Measured"): the indexes the
-- sales and CSR metrics' plans need.

-- Missed calls without agent speech: analysed calls whose agent said nothing, a few per thousand; the missed-call
-- queue reads them through this small partial index instead of joining every call of the window to its analysis.
CREATE INDEX analyses_no_agent_speech ON analyses (tenant_id, conversation_id) WHERE agent_talk_seconds = 0;

-- CSR metrics: a lead call is an analysed call qualified hot, warm or cold. The window's lead calls are found from this
-- partial index (the qualified analyses) or from the window's calls, whichever the planner finds fewer, instead of
-- joining every call of the window to its analysis.
CREATE INDEX analyses_lead_qualified ON analyses (tenant_id, conversation_id) WHERE qualification IN ('hot', 'warm', 'cold');

-- CSR metrics: the appointments each CSR booked in the window (by when they were made, not when they take place).
CREATE INDEX appointments_booked_by_created ON appointments (tenant_id, booked_by_id, created_at) WHERE booked_by_id IS NOT NULL;

-- CSR metrics: the window's CSR calls with a CSR, index-only (id and CSR included), so that finding the few lead calls
-- among them never reads the calls themselves.
CREATE INDEX conversations_csr_calls ON conversations (tenant_id, occurred_at) INCLUDE (id, agent_user_id)
    WHERE call_type = 'csr_call' AND agent_user_id IS NOT NULL;

-- Exec sales metrics: "visits recorded and analysed" finds an appointment's field visit by attributes.appointment_id.
-- Under row-level security PostgreSQL uses an index only for leak-proof conditions, and ->> and uuid::text are not, so
-- V33's expression index served the owner but not the application: every completed appointment read every field
-- visit (measured: minutes at 300,000 appointments). The id as a uuid column compares with uuid = (leak-proof).
ALTER TABLE conversations ADD COLUMN visit_appointment_id uuid GENERATED ALWAYS AS (
    CASE WHEN channel = 'field_visit'
              AND attributes ->> 'appointment_id' ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
         THEN (attributes ->> 'appointment_id')::uuid END) STORED;
CREATE INDEX conversations_visit_appointment ON conversations (tenant_id, visit_appointment_id)
    WHERE visit_appointment_id IS NOT NULL;
