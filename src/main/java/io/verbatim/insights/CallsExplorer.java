package io.verbatim.insights;

import io.verbatim.conversations.Visibility;
import io.verbatim.platform.Page;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Calls Explorer: conversations matching any combination of filters and a full-text query over
 * their transcripts, in a stable order with keyset (cursor) pagination, and the same set as CSV.
 */
@Service
public class CallsExplorer {

    /** The most rows one CSV export writes. */
    public static final int EXPORT_LIMIT = 100_000;

    private final JdbcClient jdbc;

    public CallsExplorer(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A full-text query expected to match fewer transcripts than this (in the tenant) is looked up through
     * the full-text index and its matches collected; a commoner one is checked row by row while walking the
     * time index, which fills a page after a few rows.
     */
    static final long RARE_TEXT = 20_000;

    @Transactional(readOnly = true)
    public Page<CallRow> search(CallSearch search, Visibility visibility, String cursor, int limit) {
        // Plans for the actual values every time: a cached generic plan cannot know a word is rare.
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        boolean rareText = search.text() != null && jdbc.sql("SELECT verbatim_transcript_match_estimate(:q)")
                .param("q", search.text()).query(Long.class).single() < RARE_TEXT;
        Query query = query(search, visibility, Page.decode(cursor), rareText);
        String sql = query.sql() + " LIMIT " + (limit + 1);
        // Only a rare word makes collecting cheap (its matches come from the index); for other filters the
        // planner's own LIMIT plan walks the time index, which measured faster than collecting (431 ms vs 13 ms
        // for three filters over 30 days at 1M conversations).
        if (rareText) {
            // OFFSET 0 keeps the planner from pushing the ORDER BY ... LIMIT into the filtered query.
            sql = "SELECT * FROM (" + query.select() + " OFFSET 0) m ORDER BY m.sort_value " + query.order()
                    + ", m.id " + query.idOrder() + " LIMIT " + (limit + 1);
        }
        List<CallRow> rows = jdbc.sql(sql).params(query.params()).query((rs, n) -> row(rs)).list();
        return Page.of(rows, limit, r -> cursorKey(search.sort(), r));
    }


    /** Streams every matching row (up to {@link #EXPORT_LIMIT}) to {@code sink}, in the explorer's order. */
    @Transactional(readOnly = true)
    public int export(CallSearch search, Visibility visibility, Consumer<CallRow> sink) {
        Query query = query(search, visibility, null, false);
        int[] count = {0};
        jdbc.sql(query.sql() + " LIMIT " + EXPORT_LIMIT).params(query.params()).withFetchSize(500)
                .query((ResultSet rs) -> {
                    sink.accept(row(rs));
                    count[0]++;
                });
        return count[0];
    }

    /** The filtered SELECT and its order. */
    private record Query(String select, String order, String idOrder, String sortExpression, Map<String, Object> params) {
        String sql() {
            return select + " ORDER BY " + sortExpression + " " + order + ", c.id " + idOrder;
        }
    }

    private static Query query(CallSearch s, Visibility visibility, String after, boolean textByIndex) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder("c.tenant_id = :tenant AND c.occurred_at >= :from AND c.occurred_at < :to AND ")
                .append(visibility.sqlPredicate());
        p.put("tenant", TenantContext.require().value());
        p.put("from", Timestamp.from(s.period().start()));
        p.put("to", Timestamp.from(s.period().end()));
        if (visibility.parameter() != null) {
            p.put("visible_id", visibility.parameter().toString());
        }
        if (s.team() != null) {
            where.append(" AND c.team_id = CAST(:team AS uuid)");
            p.put("team", s.team().toString());
        }
        if (s.agent() != null) {
            if (s.agent().startsWith("ref:")) {
                where.append(" AND c.agent_user_id IS NULL AND c.agent_ref = :agent_ref");
                p.put("agent_ref", s.agent().substring(4));
            } else {
                where.append(" AND c.agent_user_id = CAST(:agent AS uuid)");
                p.put("agent", s.agent());
            }
        }
        add(where, p, "c.direction = :direction", "direction", s.direction());
        add(where, p, "c.channel = :channel", "channel", s.channel());
        add(where, p, "lower(coalesce(a.language, c.language)) LIKE lower(:language) || '%'", "language", s.language());
        add(where, p, "c.duration_seconds >= :min_duration", "min_duration", s.minDuration());
        add(where, p, "c.duration_seconds <= :max_duration", "max_duration", s.maxDuration());
        add(where, p, "a.customer_sentiment = :sentiment", "sentiment", s.sentiment());
        add(where, p, "a.qa_score >= :min_score", "min_score", s.minScore());
        add(where, p, "a.qa_score <= :max_score", "max_score", s.maxScore());
        add(where, p, "a.call_reason = :reason", "reason", s.reason());
        add(where, p, "a.trackers @> ARRAY[CAST(:tracker AS text)]", "tracker", s.tracker());
        add(where, p, "a.objection_categories @> ARRAY[CAST(:objection AS text)]", "objection", s.objection());
        add(where, p, "(a.entities @> ARRAY[CAST(:entity AS text)] OR a.entities @> ARRAY[lower(:entity)])", "entity", s.entity());
        add(where, p, "c.status = :status", "status", s.status());
        add(where, p, "a.auto_failed = :auto_failed", "auto_failed", s.autoFailed());
        if (s.needsReview() != null) {
            where.append(s.needsReview() ? " AND cardinality(a.needs_review) > 0" : " AND cardinality(a.needs_review) = 0");
        }
        add(where, p, "a.needs_review @> ARRAY[CAST(:review_field AS text)]", "review_field", s.reviewField());
        add(where, p, """
                EXISTS (SELECT 1 FROM qa_item_results q WHERE q.conversation_id = c.id AND q.item_key = :missed
                        AND q.result = 'not_met')""", "missed", s.missedItem());
        if (textByIndex) {
            add(where, p, "c.id IN (SELECT verbatim_transcript_matches(:q))", "q", s.text());
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
            String type = sort.expression.equals("c.occurred_at") ? "timestamptz" : "double precision";
            where.append(" AND (%1$s %2$s CAST(:after_value AS %3$s) OR (%1$s = CAST(:after_value AS %3$s) AND c.id %4$s CAST(:after_id AS uuid)))"
                    .formatted(sort.expression, sort.descending ? "<" : ">", type, sort.descending ? ">" : "<"));
            p.put("after_value", key[0]);
            p.put("after_id", key[1]);
        }
        String sql = """
                SELECT c.id, c.occurred_at, c.agent_user_id, c.agent_ref, coalesce(u.name, c.agent_name) AS agent_name,
                    c.team_id, tm.name AS team_name, c.direction, c.channel, c.source, coalesce(a.language, c.language) AS language,
                    c.duration_seconds, c.status, c.stage, c.last_error, c.last_error_type, a.customer_sentiment, a.qa_score,
                    coalesce(a.auto_failed, false) AS auto_failed, a.scorecard, a.call_reason, a.objection_categories, a.trackers,
                    a.resolution, a.booking_status, a.outcome, left(a.summary, 280) AS summary, a.needs_review,
                    %s AS sort_value
                FROM conversations c
                LEFT JOIN analyses a ON a.conversation_id = c.id
                LEFT JOIN users u ON u.id = c.agent_user_id
                LEFT JOIN teams tm ON tm.id = c.team_id
                WHERE %s""".formatted(sort.expression, where);
        return new Query(sql, order, idOrder, sort.expression, p);
    }

    private static void add(StringBuilder where, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            params.put(name, value);
        }
    }

    private static String cursorKey(CallSearch.Sort sort, CallRow row) {
        String value = switch (sort) {
            case NEWEST, OLDEST -> row.occurredAt().toString();
            case LONGEST, SHORTEST -> String.valueOf(row.durationSeconds() == null ? -1 : row.durationSeconds());
            case HIGHEST_SCORE, LOWEST_SCORE -> String.valueOf(row.qaScore() == null ? -1 : row.qaScore().doubleValue());
        };
        return value + "|" + row.id();
    }

    private static CallRow row(ResultSet rs) throws SQLException {
        UUID user = rs.getObject("agent_user_id", UUID.class);
        String ref = rs.getString("agent_ref");
        String agentKey = user != null ? user.toString() : ref != null ? "ref:" + ref : null;
        Timestamp at = rs.getTimestamp("occurred_at");
        return new CallRow(rs.getObject("id", UUID.class), at == null ? null : at.toInstant(), agentKey,
                rs.getString("agent_name"), rs.getObject("team_id", UUID.class), rs.getString("team_name"),
                rs.getString("direction"), rs.getString("channel"), rs.getString("source"), rs.getString("language"),
                (Double) rs.getObject("duration_seconds"), rs.getString("status"), rs.getString("stage"),
                rs.getString("last_error"), rs.getString("last_error_type"), rs.getString("customer_sentiment"),
                rs.getObject("qa_score") == null ? null : rs.getDouble("qa_score"), rs.getBoolean("auto_failed"),
                rs.getString("scorecard"), rs.getString("call_reason"), strings(rs.getArray("objection_categories")),
                strings(rs.getArray("trackers")), rs.getString("resolution"), rs.getString("booking_status"),
                rs.getString("outcome"), rs.getString("summary"), strings(rs.getArray("needs_review")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
