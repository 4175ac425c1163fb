SELECT verbatim_unassigned_transcript_match_estimate('refund') AS estimate, (SELECT count(*) FROM verbatim_unassigned_transcript_matches('refund')) AS matches;
SELECT count(*) FILTER (WHERE unassigned) AS unassigned_transcripts, count(*) AS transcripts FROM transcripts;

-- manager x tracker=cancellation_intent
SET enable_bitmapscan = off;
SET enable_hashjoin = off;
SET enable_mergejoin = off;
SET enable_sort = off;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM ((SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
JOIN conversation_labels l ON l.conversation_id = c.id AND l.occurred_at = c.occurred_at
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) AND l.tenant_id = 'bench-main' AND l.kind = 'tracker' AND l.value = 'cancellation_intent' AND l.occurred_at >= '2025-12-06T00:00:00Z' AND l.occurred_at < '2026-12-06T00:00:00Z' AND l.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51) UNION ALL (SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
JOIN conversation_labels l ON l.conversation_id = c.id AND l.occurred_at = c.occurred_at
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id IS NULL AND l.tenant_id = 'bench-main' AND l.kind = 'tracker' AND l.value = 'cancellation_intent' AND l.occurred_at >= '2025-12-06T00:00:00Z' AND l.occurred_at < '2026-12-06T00:00:00Z' AND l.team_id IS NULL ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM ((SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
JOIN conversation_labels l ON l.conversation_id = c.id AND l.occurred_at = c.occurred_at
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) AND l.tenant_id = 'bench-main' AND l.kind = 'tracker' AND l.value = 'cancellation_intent' AND l.occurred_at >= '2025-12-06T00:00:00Z' AND l.occurred_at < '2026-12-06T00:00:00Z' AND l.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51) UNION ALL (SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
JOIN conversation_labels l ON l.conversation_id = c.id AND l.occurred_at = c.occurred_at
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id IS NULL AND l.tenant_id = 'bench-main' AND l.kind = 'tracker' AND l.value = 'cancellation_intent' AND l.occurred_at >= '2025-12-06T00:00:00Z' AND l.occurred_at < '2026-12-06T00:00:00Z' AND l.team_id IS NULL ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51;
RESET enable_bitmapscan;
RESET enable_hashjoin;
RESET enable_mergejoin;
RESET enable_sort;

-- manager x q=refund
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
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) AND EXISTS (SELECT 1 FROM transcripts tr WHERE tr.conversation_id = c.id AND tr.search @@ websearch_to_tsquery('english', 'refund')) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51) UNION ALL (SELECT * FROM (SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id IS NULL AND c.id IN (SELECT verbatim_unassigned_transcript_matches('refund')) OFFSET 0) u ORDER BY u.sort_value DESC, u.id ASC LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51;
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
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) AND EXISTS (SELECT 1 FROM transcripts tr WHERE tr.conversation_id = c.id AND tr.search @@ websearch_to_tsquery('english', 'refund')) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51) UNION ALL (SELECT * FROM (SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id IS NULL AND c.id IN (SELECT verbatim_unassigned_transcript_matches('refund')) OFFSET 0) u ORDER BY u.sort_value DESC, u.id ASC LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51;

-- manager x entity=financing
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
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) AND (a.entities @> ARRAY[CAST('financing' AS text)] OR a.entities @> ARRAY[lower('financing')]) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51) UNION ALL (SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id IS NULL AND (a.entities @> ARRAY[CAST('financing' AS text)] OR a.entities @> ARRAY[lower('financing')]) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51;
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
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) AND (a.entities @> ARRAY[CAST('financing' AS text)] OR a.entities @> ARRAY[lower('financing')]) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51) UNION ALL (SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id IS NULL AND (a.entities @> ARRAY[CAST('financing' AS text)] OR a.entities @> ARRAY[lower('financing')]) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51;

-- agent x entity=financing
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
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.agent_user_id = CAST('a4377b18-1996-4c5c-bfb3-795c1a2564fb' AS uuid) AND (a.entities @> ARRAY[CAST('financing' AS text)] OR a.entities @> ARRAY[lower('financing')]) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;
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
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.agent_user_id = CAST('a4377b18-1996-4c5c-bfb3-795c1a2564fb' AS uuid) AND (a.entities @> ARRAY[CAST('financing' AS text)] OR a.entities @> ARRAY[lower('financing')]) ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;

-- manager sort=longest
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM ((SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    coalesce(c.duration_seconds, -1) AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) ORDER BY coalesce(c.duration_seconds, -1) DESC, c.id ASC LIMIT 51) UNION ALL (SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    coalesce(c.duration_seconds, -1) AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id IS NULL ORDER BY coalesce(c.duration_seconds, -1) DESC, c.id ASC LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM ((SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    coalesce(c.duration_seconds, -1) AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id = CAST('3e954b73-7a1e-47af-8338-e275bc9eafd8' AS uuid) ORDER BY coalesce(c.duration_seconds, -1) DESC, c.id ASC LIMIT 51) UNION ALL (SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    coalesce(c.duration_seconds, -1) AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.team_id IS NULL ORDER BY coalesce(c.duration_seconds, -1) DESC, c.id ASC LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51;

-- agent sort=longest
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    coalesce(c.duration_seconds, -1) AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.agent_user_id = CAST('a4377b18-1996-4c5c-bfb3-795c1a2564fb' AS uuid) ORDER BY coalesce(c.duration_seconds, -1) DESC, c.id ASC LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    coalesce(c.duration_seconds, -1) AS sort_value
FROM conversations c
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND c.agent_user_id = CAST('a4377b18-1996-4c5c-bfb3-795c1a2564fb' AS uuid) ORDER BY coalesce(c.duration_seconds, -1) DESC, c.id ASC LIMIT 51;

-- admin max_duration=30
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
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND TRUE AND c.duration_seconds <= 30 AND coalesce(c.duration_seconds, -1) <= 30 ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;
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
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND TRUE AND c.duration_seconds <= 30 AND coalesce(c.duration_seconds, -1) <= 30 ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;

-- admin auto_failed=true
SET enable_bitmapscan = off;
SET enable_hashjoin = off;
SET enable_mergejoin = off;
SET enable_sort = off;
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
JOIN conversation_labels l ON l.conversation_id = c.id AND l.occurred_at = c.occurred_at
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND TRUE AND l.tenant_id = 'bench-main' AND l.kind = 'flag' AND l.value = 'auto_failed' AND l.occurred_at >= '2025-12-06T00:00:00Z' AND l.occurred_at < '2026-12-06T00:00:00Z' AND TRUE AND a.auto_failed = true ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;
EXPLAIN (ANALYZE, BUFFERS) SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c
JOIN conversation_labels l ON l.conversation_id = c.id AND l.occurred_at = c.occurred_at
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND TRUE AND l.tenant_id = 'bench-main' AND l.kind = 'flag' AND l.value = 'auto_failed' AND l.occurred_at >= '2025-12-06T00:00:00Z' AND l.occurred_at < '2026-12-06T00:00:00Z' AND TRUE AND a.auto_failed = true ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;
RESET enable_bitmapscan;
RESET enable_hashjoin;
RESET enable_mergejoin;
RESET enable_sort;

-- admin language=es
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
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND TRUE AND lower(coalesce(a.language, c.language)) LIKE lower('es') || '%' ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;
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
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND TRUE AND lower(coalesce(a.language, c.language)) LIKE lower('es') || '%' ORDER BY c.occurred_at DESC, c.id ASC LIMIT 51;

SELECT count(*) AS stale_labels FROM conversation_labels l JOIN conversations c ON c.id = l.conversation_id WHERE l.team_id IS DISTINCT FROM c.team_id OR l.occurred_at <> c.occurred_at;
