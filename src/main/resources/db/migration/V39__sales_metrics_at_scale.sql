-- Issue 13, measured at 1,000,000 conversations and 300,000 appointments (docs/csr.md, "Measured"): the indexes the
-- sales and CSR metrics' plans need.

-- Missed calls without agent speech: analysed calls whose agent said nothing, a few per thousand; the missed-call
-- queue reads them through this small partial index instead of joining every call of the window to its analysis.
CREATE INDEX analyses_no_agent_speech ON analyses (tenant_id, conversation_id) WHERE agent_talk_seconds = 0;
