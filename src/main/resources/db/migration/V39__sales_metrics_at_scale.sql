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
