-- manager x tracker=cancellation_intent
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM ((SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) AND a.trackers @> ARRAY[CAST('cancellation_intent' AS text)] ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51) UNION ALL (SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id IS NULL AND a.trackers @> ARRAY[CAST('cancellation_intent' AS text)] ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM ((SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) AND a.trackers @> ARRAY[CAST('cancellation_intent' AS text)] ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51) UNION ALL (SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id IS NULL AND a.trackers @> ARRAY[CAST('cancellation_intent' AS text)] ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51;

-- agent x objection=price
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.agent_user_id = CAST('a4377b18-1996-4c5c-bfb3-795c1a2564fb' AS uuid) AND a.objection_categories @> ARRAY[CAST('price' AS text)] ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.agent_user_id = CAST('a4377b18-1996-4c5c-bfb3-795c1a2564fb' AS uuid) AND a.objection_categories @> ARRAY[CAST('price' AS text)] ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;

-- agent x tracker=competitor_mention
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.agent_user_id = CAST('a4377b18-1996-4c5c-bfb3-795c1a2564fb' AS uuid) AND a.trackers @> ARRAY[CAST('competitor_mention' AS text)] ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.agent_user_id = CAST('a4377b18-1996-4c5c-bfb3-795c1a2564fb' AS uuid) AND a.trackers @> ARRAY[CAST('competitor_mention' AS text)] ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;

-- manager x q=refund (unchanged: text)
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM ((SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) AND EXISTS (SELECT 1 FROM transcripts tr WHERE tr.conversation_id = c.id AND tr.search @@ websearch_to_tsquery('english', 'refund')) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51) UNION ALL (SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id IS NULL AND EXISTS (SELECT 1 FROM transcripts tr WHERE tr.conversation_id = c.id AND tr.search @@ websearch_to_tsquery('english', 'refund')) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM ((SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) AND EXISTS (SELECT 1 FROM transcripts tr WHERE tr.conversation_id = c.id AND tr.search @@ websearch_to_tsquery('english', 'refund')) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51) UNION ALL (SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id IS NULL AND EXISTS (SELECT 1 FROM transcripts tr WHERE tr.conversation_id = c.id AND tr.search @@ websearch_to_tsquery('english', 'refund')) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51;

-- admin tracker=competitor_mention x objection=price
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND TRUE AND a.trackers @> ARRAY[CAST('competitor_mention' AS text)] AND a.objection_categories @> ARRAY[CAST('price' AS text)] ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND TRUE AND a.trackers @> ARRAY[CAST('competitor_mention' AS text)] AND a.objection_categories @> ARRAY[CAST('price' AS text)] ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;

