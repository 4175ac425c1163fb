SEL = """SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
    c.occurred_at AS sort_value
FROM conversations c%s
LEFT JOIN analyses a ON a.conversation_id = c.id
LEFT JOIN users u ON u.id = c.agent_user_id
LEFT JOIN teams tm ON tm.id = c.team_id
WHERE c.tenant_id = 'bench-main' AND c.occurred_at >= '2025-12-06T00:00:00Z' AND c.occurred_at < '2026-12-06T00:00:00Z' AND %s"""
TEAM = "3e954b73-7a1e-47af-8338-e275bc9eafd8"
AGENT = "a4377b18-1996-4c5c-bfb3-795c1a2564fb"
def q(scope, filters, label=None):
    join = ""
    where = scope
    if label:
        kind, value = label
        join = "\nJOIN conversation_labels l ON l.conversation_id = c.id AND l.occurred_at = c.occurred_at"
        where += (" AND l.tenant_id = 'bench-main' AND l.kind = '%s' AND l.value = '%s' AND l.occurred_at >= '2025-12-06T00:00:00Z'"
                  " AND l.occurred_at < '2026-12-06T00:00:00Z' AND " % (kind, value)) + scope.replace("c.team_id", "l.team_id").replace("c.agent_user_id", "l.agent_user_id")
    for f in filters:
        where += " AND " + f
    return SEL % (join, where) + " ORDER BY c.occurred_at DESC, c.id ASC"
def team(filters, label=None):
    t = q("c.team_id = CAST('%s' AS uuid)" % TEAM, filters, label)
    u = q("c.team_id IS NULL", filters, label)
    return "SELECT * FROM ((%s LIMIT 51) UNION ALL (%s LIMIT 51)) m ORDER BY m.sort_value DESC, m.id ASC LIMIT 51" % (t, u)
def own(filters, label=None):
    return q("c.agent_user_id = CAST('%s' AS uuid)" % AGENT, filters, label) + " LIMIT 51"
def admin(filters, label=None):
    return q("TRUE", filters, label) + " LIMIT 51"
TR = "a.trackers @> ARRAY[CAST('cancellation_intent' AS text)]"
TRC = "a.trackers @> ARRAY[CAST('competitor_mention' AS text)]"
OB = "a.objection_categories @> ARRAY[CAST('price' AS text)]"
shapes = {
 "manager x tracker=cancellation_intent": (team([TR]), team([], ("tracker","cancellation_intent"))),
 "agent x objection=price": (own([OB]), own([], ("objection","price"))),
 "agent x tracker=competitor_mention": (own([TRC]), own([], ("tracker","competitor_mention"))),
 "manager x q=refund (unchanged: text)": (team(["EXISTS (SELECT 1 FROM transcripts tr WHERE tr.conversation_id = c.id AND tr.search @@ websearch_to_tsquery('english', 'refund'))"]),)*2,
 "admin tracker=competitor_mention x objection=price": (admin([TRC, OB]), admin([OB], ("tracker","competitor_mention"))),
}
import sys
which = sys.argv[1]
for name, (b, a) in shapes.items():
    sql = b if which == "before" else a
    print("-- " + name)
    print("EXPLAIN (ANALYZE, BUFFERS) " + sql + ";")
    print("EXPLAIN (ANALYZE, BUFFERS) " + sql + ";")
    print()
