-- An agent's page reads only that agent's roll-up rows (a year of a 60-agent tenant was a scan of ~250k rows).
CREATE INDEX daily_conversation_stats_agent ON daily_conversation_stats (tenant_id, agent_key, day);
CREATE INDEX daily_conversation_counts_agent ON daily_conversation_counts (tenant_id, agent_key, day);
CREATE INDEX daily_qa_items_agent ON daily_qa_items (tenant_id, agent_key, day);
