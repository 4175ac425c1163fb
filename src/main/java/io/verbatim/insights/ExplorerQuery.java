package io.verbatim.insights;

import io.verbatim.conversations.Visibility;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;

/** The Calls Explorer's SQL: the filtered SELECT for one scope, and its order. */
final class ExplorerQuery {

    /**
     * Which filters are looked up through their index by a narrow owner function and collected (rare matches),
     * rather than checked on each row while walking an ordered index; and whether a tracker or objection filter
     * walks its label index ({@code conversation_labels}) instead of the call's; and whether a rare length range is
     * looked up in the length index (V52); and whether, for an order the label index does not keep (length, score),
     * the label's range in the scope and period is collected and sorted ({@code labelRange}).
     */
    record Lookups(boolean text, boolean analyses, boolean labels, boolean length, boolean labelRange) {
        /** Every filter checked on each row (the CSV export, and the reference the tests compare the page with). */
        static final Lookups NONE = new Lookups(false, false, false, false, false);

        boolean any() {
            return text || analyses || length || labelRange;
        }
    }

    /** The filtered SELECT and its order. */
    record Query(String select, String order, String idOrder, String sortExpression, Map<String, Object> params) {
        String sql() {
            return select + " ORDER BY " + sortExpression + " " + order + ", c.id " + idOrder;
        }
    }

    /** The manager's second branch: the calls of no team (V48 indexes their labels and transcripts apart). */
    static final String UNASSIGNED = "c.team_id IS NULL";

    /** The query for {@code scope}: the caller's visibility predicate, or one branch of it. */
    static Query query(CallSearch s, String scope, Visibility visibility, String after, Lookups lookups) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder("c.tenant_id = :tenant AND c.occurred_at >= :from AND c.occurred_at < :to AND ")
                .append(scope);
        p.put("tenant", TenantContext.require().value());
        p.put("from", Timestamp.from(s.period().start()));
        p.put("to", Timestamp.from(s.period().end()));
        if (visibility.parameter() != null) {
            p.put("visible_id", visibility.parameter().toString());
        }
        String label = lookups.labels() && !lookups.analyses() ? labelFilter(s, scope.equals("TRUE"), lookups.labelRange()) : null;
        if (label != null) {
            // The walk starts from the label's (tenant, kind, value[, team | agent], time) index, so it reads only the
            // calls that carry it, in page order; every predicate on the call's time and scope is repeated on the
            // label's copies so that index can bound the range (V41__conversation_labels.sql).
            where.append(" AND l.tenant_id = :tenant AND l.kind = :label_kind AND l.value = :label_value"
                    + " AND l.occurred_at >= :from AND l.occurred_at < :to AND ")
                    .append(scope.replace("c.team_id", "l.team_id").replace("c.agent_user_id", "l.agent_user_id"));
            p.put("label_kind", label);
            p.put("label_value", labelValue(s, label));
        }
        if (s.team() != null) {
            where.append(" AND c.team_id = CAST(:team AS uuid)").append(label == null ? "" : " AND l.team_id = CAST(:team AS uuid)");
            p.put("team", s.team().toString());
        }
        if (s.agent() != null) {
            if (s.agent().startsWith("ref:")) {
                where.append(" AND c.agent_user_id IS NULL AND c.agent_ref = :agent_ref");
                p.put("agent_ref", s.agent().substring(4));
            } else {
                where.append(" AND c.agent_user_id = CAST(:agent AS uuid)")
                        .append(label == null ? "" : " AND l.agent_user_id = CAST(:agent AS uuid)");
                p.put("agent", s.agent());
            }
        }
        add(where, p, "c.direction = :direction", "direction", s.direction());
        add(where, p, "c.channel = :channel", "channel", s.channel());
        add(where, p, "lower(coalesce(a.language, c.language)) LIKE lower(:language) || '%'", "language", s.language());
        // Each range also bounds the sort key it implies (coalesce(...), sort_score), which an index orders: a rare
        // range (calls under 30 s, scores under 40) is then read from that index instead of walking the period.
        add(where, p, "c.duration_seconds >= :min_duration AND coalesce(c.duration_seconds, -1) >= :min_duration",
                "min_duration", s.minDuration());
        add(where, p, "c.duration_seconds <= :max_duration AND coalesce(c.duration_seconds, -1) <= :max_duration",
                "max_duration", s.maxDuration());
        if (lookups.length()) {
            where.append(" AND c.id IN (SELECT verbatim_length_matches(:length_low, :length_high, NULL))");
            p.put("length_low", s.minDuration() != null ? s.minDuration() : 0.0);
            p.put("length_high", s.maxDuration() != null ? s.maxDuration() : Double.MAX_VALUE);
        }
        add(where, p, "a.customer_sentiment = :sentiment", "sentiment", s.sentiment());
        add(where, p, "a.qa_score >= :min_score AND c.sort_score >= :min_score", "min_score", s.minScore());
        add(where, p, "a.qa_score <= :max_score AND c.sort_score <= :max_score", "max_score", s.maxScore());
        if (lookups.analyses()) {
            where.append(" AND c.id IN (SELECT verbatim_analysis_matches(CAST(:reason AS text), CAST(:tracker AS text), "
                    + "CAST(:objection AS text), CAST(:entity AS text), CAST(:review_field AS text), :needs_review_only, "
                    + ":auto_failed_only))");
            p.put("reason", s.reason());
            p.put("tracker", s.tracker());
            p.put("objection", s.objection());
            p.put("entity", s.entity());
            p.put("review_field", s.reviewField());
            p.put("needs_review_only", Boolean.TRUE.equals(s.needsReview()));
            p.put("auto_failed_only", Boolean.TRUE.equals(s.autoFailed()));
        } else {
            add(where, p, "a.call_reason = :reason", "reason", s.reason());
            if (!"tracker".equals(label)) {
                add(where, p, "a.trackers @> ARRAY[CAST(:tracker AS text)]", "tracker", s.tracker());
            }
            if (!"objection".equals(label)) {
                add(where, p, "a.objection_categories @> ARRAY[CAST(:objection AS text)]", "objection", s.objection());
            }
            add(where, p, "(a.entities @> ARRAY[CAST(:entity AS text)] OR a.entities @> ARRAY[lower(:entity)])", "entity",
                    s.entity());
            add(where, p, "a.needs_review @> ARRAY[CAST(:review_field AS text)]", "review_field", s.reviewField());
        }
        add(where, p, "c.status = :status", "status", s.status());
        add(where, p, "a.auto_failed = :auto_failed", "auto_failed", s.autoFailed());
        if (s.needsReview() != null) {
            where.append(s.needsReview() ? " AND cardinality(a.needs_review) > 0" : " AND cardinality(a.needs_review) = 0");
        }
        add(where, p, """
                EXISTS (SELECT 1 FROM qa_item_results q WHERE q.conversation_id = c.id AND q.item_key = :missed
                        AND q.result = 'not_met')""", "missed", s.missedItem());
        if (lookups.text()) {
            // The unassigned branch looks up only the unassigned calls' transcripts (a small partial index, V48).
            add(where, p, "c.id IN (SELECT " + (scope.equals(UNASSIGNED) ? "verbatim_unassigned_transcript_matches"
                    : "verbatim_transcript_matches") + "(:q))", "q", s.text());
        } else {
            add(where, p, """
                    EXISTS (SELECT 1 FROM transcripts tr WHERE tr.conversation_id = c.id
                            AND tr.search @@ websearch_to_tsquery('english', :q))""", "q", s.text());
        }
        CallSearch.Sort sort = s.sort();
        String order = sort.descending ? "DESC" : "ASC";
        String idOrder = sort.descending ? "ASC" : "DESC";
        if (after != null) {
            String[] key = after.split("\\|", 2);
            if (key.length != 2) {
                throw ProblemException.badRequest("invalid-cursor", "The cursor is not one this API issued");
            }
            // The cursor's value is compared in the sort key's own type: sort_score is a real, and a real such as 83.3
            // read back as a double (83.30000305) is above the cursor's 83.3, so the row came back on the next page.
            String type = sort.expression.equals("c.occurred_at") ? "timestamptz"
                    : sort.expression.equals("c.sort_score") ? "real" : "double precision";
            // The first bound is implied by the second; it is there because an index can start at it, so a deep
            // page starts where the previous one ended instead of walking every row before it.
            where.append((" AND %1$s %5$s CAST(:after_value AS %3$s) AND (%1$s %2$s CAST(:after_value AS %3$s)"
                    + " OR (%1$s = CAST(:after_value AS %3$s) AND c.id %4$s CAST(:after_id AS uuid)))")
                    .formatted(sort.expression, sort.descending ? "<" : ">", type, sort.descending ? ">" : "<",
                            sort.descending ? "<=" : ">="));
            if (label != null && sort.expression.equals("c.occurred_at")) {
                where.append(" AND l.occurred_at ").append(sort.descending ? "<=" : ">=").append(" CAST(:after_value AS timestamptz)");
            }
            p.put("after_value", key[0]);
            p.put("after_id", key[1]);
        }
        String sql = """
                SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
                    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
                    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
                    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
                    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review, c.contact_card_id,
                    %s AS sort_value
                FROM conversations c%s
                LEFT JOIN analyses a ON a.conversation_id = c.id
                LEFT JOIN users u ON u.id = c.agent_user_id
                LEFT JOIN teams tm ON tm.id = c.team_id
                WHERE %s""".formatted(sort.expression, label == null ? ""
                        // The time equality puts both times in one ordering, so the label index's order is the page's.
                        : "\n                JOIN conversation_labels l ON l.conversation_id = c.id AND l.occurred_at = c.occurred_at", where);
        return new Query(sql, order, idOrder, sort.expression, p);
    }

    /**
     * Which array filter, if any, drives the walk from {@code conversation_labels}: only for the time orders (the
     * labels' indexes are in time order), and only where the call walk would skip many rows: a team's or an agent's
     * calls, two array filters at once, or a label with a word. One common label over the whole tenant is found within a few calls of
     * the tenant's time walk, which measured faster than the label walk's extra join (issue 18 figures, docs/web.md).
     * The tracker drives when both are given; {@code auto_failed=true} alone drives as kind {@code flag} (V48).
     */
    static String labelFilter(CallSearch s, boolean tenantWide) {
        return labelFilter(s, tenantWide, false);
    }

    /**
     * {@link #labelFilter(CallSearch, boolean)}, or with {@code anyOrder} the same choice for every order: the label's
     * range is then collected and sorted rather than walked in page order.
     */
    static String labelFilter(CallSearch s, boolean tenantWide, boolean anyOrder) {
        if (!anyOrder && !s.sort().expression.equals("c.occurred_at")) {
            return null;
        }
        // A word with the label narrows it too: the tenant's time walk would check the label on every call and the
        // transcript on each labelled one until it had a page of both.
        boolean narrow = !tenantWide || s.team() != null || (s.agent() != null && !s.agent().startsWith("ref:"))
                || (s.tracker() != null && s.objection() != null) || s.text() != null;
        if (narrow && (s.tracker() != null || s.objection() != null)) {
            return s.tracker() != null ? "tracker" : "objection";
        }
        // Auto-failed calls (about 2 in 100) drive even over the whole tenant: the call walk read 4,952 calls for 51.
        return Boolean.TRUE.equals(s.autoFailed()) && s.tracker() == null && s.objection() == null ? "flag" : null;
    }

    private static String labelValue(CallSearch s, String label) {
        return switch (label) {
            case "tracker" -> s.tracker();
            case "objection" -> s.objection();
            default -> "auto_failed"; // kind 'flag' (V48)
        };
    }

    /**
     * The planner's estimate of the label's rows in the period and {@code visibility}'s scope (and a team or agent
     * filter): what collecting that range would read. Plain b-tree columns, so row-level security does not hide the
     * statistics; nothing is read.
     */
    static Query labelRangeEstimate(CallSearch s, Visibility visibility, String label) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder sql = new StringBuilder("EXPLAIN (FORMAT JSON) SELECT 1 FROM conversation_labels l WHERE l.tenant_id = :tenant"
                + " AND l.kind = :label_kind AND l.value = :label_value AND l.occurred_at >= :from AND l.occurred_at < :to AND ")
                .append(visibility.sqlPredicate().replace("c.team_id", "l.team_id").replace("c.agent_user_id", "l.agent_user_id"));
        p.put("tenant", TenantContext.require().value());
        p.put("label_kind", label);
        p.put("label_value", labelValue(s, label));
        p.put("from", Timestamp.from(s.period().start()));
        p.put("to", Timestamp.from(s.period().end()));
        if (visibility.parameter() != null) {
            p.put("visible_id", visibility.parameter().toString());
        }
        if (s.team() != null) {
            sql.append(" AND l.team_id = CAST(:team AS uuid)");
            p.put("team", s.team().toString());
        }
        if (s.agent() != null && !s.agent().startsWith("ref:")) {
            sql.append(" AND l.agent_user_id = CAST(:agent AS uuid)");
            p.put("agent", s.agent());
        }
        return new Query(sql.toString(), "", "", "", p);
    }

    private static void add(StringBuilder where, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            params.put(name, value);
        }
    }


    private ExplorerQuery() {
    }
}
