#!/usr/bin/env python3
"""Writes the EXPLAIN (ANALYZE, BUFFERS) statements of docs/web.md "Scoped explorer shapes (V48)": the SQL as
CallsExplorer builds it for bench-main (1M calls), before V48 ("before") or with it ("after"). Run the output with
InsightsBenchmark --skip-generate --sql FILE (as the application role, row-level security on)."""
import sys

SEL = """SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    %s AS sort_value
FROM conversations c%s
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND %s"""
TEAM = "3e954b73-7a1e-47af-8338-e275bc9eafd8"
AGENT = "a4377b18-1996-4c5c-bfb3-795c1a2564fb"
NEWEST = ("c.occurred_at", "DESC", "ASC")
LONGEST = ("coalesce(c.duration_seconds, -1)", "DESC", "ASC")
LABEL_SETS = "SET enable_bitmapscan = off;\nSET enable_hashjoin = off;\nSET enable_mergejoin = off;\nSET enable_sort = off;\n"
LABEL_RESETS = "RESET enable_bitmapscan;\nRESET enable_hashjoin;\nRESET enable_mergejoin;\nRESET enable_sort;\n"


def q(scope, filters, label=None, sort=NEWEST):
    join, where = "", scope
    if label:
        kind, value = label
        join = "\nJOIN conversation_labels l ON l.conversation_id = c.id AND l.occurred_at = c.occurred_at"
        where += (" AND l.tenant_id = 'bench-main' AND l.kind = '%s' AND l.value = '%s' AND l.occurred_at >= '2025-12-06T00:00:00Z'"
                  " AND l.occurred_at < '2026-12-06T00:00:00Z' AND " % (kind, value)) + scope.replace(
            "c.team_id", "l.team_id").replace("c.agent_user_id", "l.agent_user_id")
    for f in filters:
        where += " AND " + f
    return SEL % (sort[0], join, where) + " ORDER BY %s %s, c.id %s" % sort


def team(filters, label=None, sort=NEWEST, unassigned=None):
    t = q("c.team_id = CAST('%s' AS uuid)" % TEAM, filters, label, sort)
    if unassigned is None:
        u = q("c.team_id IS NULL", filters, label, sort)
    else:  # the branch's matches collected, then sorted (CallsExplorer, V48)
        u = "SELECT * FROM (%s OFFSET 0) u ORDER BY u.sort_value %s, u.id %s" % (
            q("c.team_id IS NULL", unassigned, label, sort).rsplit(" ORDER BY ", 1)[0], sort[1], sort[2])
    return "SELECT * FROM ((%s LIMIT 51) UNION ALL (%s LIMIT 51)) m ORDER BY m.sort_value %s, m.id %s LIMIT 51" % (
        t, u, sort[1], sort[2])


def own(filters, label=None, sort=NEWEST):
    return q("c.agent_user_id = CAST('%s' AS uuid)" % AGENT, filters, label, sort) + " LIMIT 51"


def admin(filters, label=None, sort=NEWEST):
    return q("TRUE", filters, label, sort) + " LIMIT 51"


TEXT = "EXISTS (SELECT 1 FROM transcripts tr WHERE tr.conversation_id = c.id AND tr.search @@ websearch_to_tsquery('english', 'refund'))"
ENTITY = "(a.entities @> ARRAY[CAST('financing' AS text)] OR a.entities @> ARRAY[lower('financing')])"
which = sys.argv[1]
after = which == "after"
shapes = {
    "manager x tracker=cancellation_intent": (LABEL_SETS, team([], ("tracker", "cancellation_intent"))),
    "manager x q=refund": ("", team([TEXT], unassigned=[
        "c.id IN (SELECT verbatim_unassigned_transcript_matches('refund'))"] if after else None)),
    "manager x entity=financing": ("", team([ENTITY])),
    "agent x entity=financing": ("", own([ENTITY])),
    "manager sort=longest": ("", team([], sort=LONGEST)),
    "agent sort=longest": ("", own([], sort=LONGEST)),
    "admin max_duration=30": ("", admin(["c.duration_seconds <= 30 AND coalesce(c.duration_seconds, -1) <= 30"])),
    "admin auto_failed=true": ((LABEL_SETS, admin(["a.auto_failed = true"], ("flag", "auto_failed"))) if after
                               else ("", admin(["a.auto_failed = true"]))),
    "admin language=es": ("", admin(["lower(coalesce(a.language, c.language)) LIKE lower('es') || '%'"])),
}
if after:
    print("SELECT verbatim_unassigned_transcript_match_estimate('refund') AS estimate, (SELECT count(*) FROM verbatim_unassigned_transcript_matches('refund')) AS matches;")
    print("SELECT count(*) FILTER (WHERE unassigned) AS unassigned_transcripts, count(*) AS transcripts FROM transcripts;")
else:
    print("SELECT count(*) FILTER (WHERE team_id IS NULL) AS unassigned, count(*) AS calls FROM conversations;")
    print("SELECT count(*) FILTER (WHERE team_id IS NULL) AS unassigned_labels, count(*) AS labels FROM conversation_labels;")
    print("SELECT verbatim_transcript_match_estimate('refund') AS estimate, (SELECT count(*) FROM verbatim_transcript_matches('refund')) AS matches;")
    print("SELECT sum(cardinality(entities)) AS entity_values, count(*) FILTER (WHERE cardinality(entities) > 0) AS with_entities FROM analyses;")
    print("SELECT v, count(*) FROM analyses, unnest(entities) v GROUP BY v ORDER BY 2 DESC LIMIT 25;")
print()
for name, (sets, sql) in shapes.items():
    print("-- " + name)
    print(sets + "EXPLAIN (ANALYZE, BUFFERS) " + sql + ";")
    print("EXPLAIN (ANALYZE, BUFFERS) " + sql + ";")
    print(LABEL_RESETS if sets else "")
if after:
    # Label copies that disagree with their call (the unassigned branch reads these and drops them on the join).
    print("SELECT count(*) AS stale_labels FROM conversation_labels l JOIN conversations c ON c.id = l.conversation_id"
          " WHERE l.team_id IS DISTINCT FROM c.team_id OR l.occurred_at <> c.occurred_at;")
