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

    /**
     * The same for the analysis filters (reason, tracker, objection, entity, review field, needs review, auto-failed)
     * together. Lower than for text: collecting costs a look-up per match, walking about a page times (tenant size /
     * matches) rows, so they cross near sqrt(51 x 1M) = 7,000 at a million calls (23,000 matches took 3.5 s cold to
     * collect); a checked row is cheaper than a transcript check, which is why text collects up to 20,000.
     */
    static final long RARE_ANALYSES = 8_000;

    /**
     * {@link #RARE_ANALYSES}, which the tests lower to 0 so that the small fixture's filters take the walk a
     * million calls would take (every filter of the fixture is rare).
     */
    volatile long rareAnalyses = RARE_ANALYSES;

    /**
     * {@link #RARE_TEXT}, which the tests lower to 0 so that the fixture's words take the walk a common word takes at a
     * million calls (and the manager's unassigned branch then collects its matches, below).
     */
    volatile long rareText = RARE_TEXT;

    /**
     * A word too common to collect over the tenant may still be rare among a manager's unassigned calls, whose LIMIT
     * walk then read every unassigned call of the period and its search vector (84,835 pages at 1M calls). That branch
     * collects its matches through V48's partial full-text index when collecting is the cheaper: a look-up per match
     * against the walk's page x (unassigned calls / matches) transcript checks, each about this many look-ups (a search
     * vector read from TOAST). They cross near sqrt(5 x 51 x 63,565) = 4,000 matches at 1M calls; a common word there
     * (collecting 20,000 took 4.7 s) keeps the walk.
     */
    static final double TRANSCRIPT_CHECK_COST = 5;

    /** {@link #TRANSCRIPT_CHECK_COST}, which the tests raise or lower to 0 to take each path of that branch. */
    volatile double transcriptCheckCost = TRANSCRIPT_CHECK_COST;

    @Transactional(readOnly = true)
    public Page<CallRow> search(CallSearch search, Visibility visibility, String cursor, int limit) {
        // Plans for the actual values every time: a cached generic plan cannot know a word is rare.
        jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        // A rare length range (15 calls of a year under 30 s) is collected from the length index and sorted: the column
        // statistics cannot see so few, and the time walk read the whole year for them (108,320 pages).
        boolean rareLength = rareLength(search);
        boolean rareAnalyses = rareAnalyses(search);
        ExplorerQuery.Lookups lookups = new ExplorerQuery.Lookups(rareText(search), rareAnalyses, !rareLength,
                rareLength, !rareLength && !rareAnalyses && rareLabelRange(search, visibility));
        boolean collect = lookups.any();
        if (!collect && ExplorerQuery.labelFilter(search, visibility.scope() == Visibility.Scope.TENANT) != null) {
            // The label index read in page order stops after a page. The planner, multiplying the columns'
            // selectivities, underestimates a label's share of a team or its overlap with a second filter, and then
            // collected every match and sorted them: a bitmap of a team's 12,463 labelled calls for 51, or a hash
            // join over a year of calls for a tracker with an objection (12.6 s at 1M). The page order is the walk,
            // so the plans that collect are switched off for this query; no look-up needs a bitmap here.
            jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
            jdbc.sql("SET LOCAL enable_hashjoin = off").update();
            jdbc.sql("SET LOCAL enable_mergejoin = off").update();
            jdbc.sql("SET LOCAL enable_sort = off").update();
        }
        String after = Page.decode(cursor);
        String sql;
        Map<String, Object> params;
        if (collect) {
            // Only rare matches make collecting cheap (they come from an index); for other filters the planner's
            // own LIMIT plan walks the time index, which measured faster than collecting (431 ms vs 13 ms for
            // three filters over 30 days at 1M conversations). OFFSET 0 keeps the planner from pushing the
            // ORDER BY ... LIMIT into the filtered query.
            ExplorerQuery.Query query = ExplorerQuery.query(search, visibility.sqlPredicate(), visibility, after, lookups);
            sql = "SELECT * FROM (" + query.select() + " OFFSET 0) m ORDER BY m.sort_value " + query.order()
                    + ", m.id " + query.idOrder() + " LIMIT " + (limit + 1);
            params = query.params();
        } else if (visibility.scope() == Visibility.Scope.TEAM) {
            // "The team's calls or unassigned ones" as one OR walks the tenant's time index and skips the other
            // teams' rows (7 in 8 here; with full text, each skipped row costs a transcript check). As two branches,
            // each walks only its own rows in the (tenant, team, time) index, and the first page of each is merged.
            // The LIMIT per branch keeps each walk a LIMIT plan: without it the planner appended both branches whole
            // and sorted them (4.7 s for a word over a year). Its price: a branch with few matches is read to its end.
            ExplorerQuery.Query team = ExplorerQuery.query(search, "c.team_id = CAST(:visible_id AS uuid)", visibility, after,
                    lookups);
            // Not with a label: the label walk of the unassigned branch is already one short range (V48).
            boolean collectUnassigned = search.text() != null && ExplorerQuery.labelFilter(search, false) == null
                    && rareUnassignedText(search, limit + 1);
            ExplorerQuery.Query unassigned = ExplorerQuery.query(search, ExplorerQuery.UNASSIGNED, visibility, after,
                    collectUnassigned ? new ExplorerQuery.Lookups(true, false, lookups.labels(), false, false) : lookups);
            // The collected branch is sorted after the look-up (OFFSET 0 keeps the planner from walking the branch's
            // time index and checking each call against the matches, which reads every unassigned call again).
            String unassignedSql = collectUnassigned
                    ? "SELECT * FROM (" + unassigned.select() + " OFFSET 0) u ORDER BY u.sort_value " + unassigned.order()
                            + ", u.id " + unassigned.idOrder()
                    : unassigned.sql();
            sql = "SELECT * FROM ((" + team.sql() + " LIMIT " + (limit + 1) + ") UNION ALL (" + unassignedSql + " LIMIT "
                    + (limit + 1) + ")) m ORDER BY m.sort_value " + team.order() + ", m.id " + team.idOrder()
                    + " LIMIT " + (limit + 1);
            params = team.params();
        } else {
            ExplorerQuery.Query query = ExplorerQuery.query(search, visibility.sqlPredicate(), visibility, after, lookups);
            sql = query.sql() + " LIMIT " + (limit + 1);
            params = query.params();
        }
        List<CallRow> rows = jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
        return Page.of(rows, limit, r -> cursorKey(search.sort(), r));
    }

    private boolean rareText(CallSearch search) {
        return search.text() != null && jdbc.sql("SELECT verbatim_transcript_match_estimate(:q)")
                .param("q", search.text()).query(Long.class).single() < rareText;
    }

    private static final int RARE_LENGTH = 200;

    /**
     * Whether the tenant has fewer than {@link #RARE_LENGTH} calls (any day) in the length range: counted in the length
     * index (tenant, coalesce(duration, -1)) by an owner function (V52), at most that many entries read. A range without
     * a lower bound starts at 0: calls with no length (-1 in that index) never match a length filter.
     *
     * <p>Fewer calls than this in a length range are collected. Counting reads up to this many entries, each with a heap
     * visit (the function returns ids), on every request with a length filter, so it stays small: counting to 8,000 cost
     * a common range (min_duration=1200) 180-370 ms p95 at 1M calls where the time walk alone took 6 ms. A range with
     * more matches than this is dense enough for the walk to fill a page.
     */
    private boolean rareLength(CallSearch search) {
        // Only a range with an upper bound is tried: short calls are the rare ones (voicemails, hang-ups), while a lower
        // bound alone (long calls) matched thousands at 1M, where the count cost more than the walk it could save.
        if (search.maxDuration() == null) {
            return false;
        }
        return jdbc.sql("SELECT count(*) FROM verbatim_length_matches(:low, :high, :cap)")
                .param("low", search.minDuration() != null ? search.minDuration() : 0.0)
                .param("high", search.maxDuration())
                .param("cap", RARE_LENGTH)
                .query(Long.class).single() < RARE_LENGTH;
    }

    /**
     * {@link #RARE_ANALYSES}, for a label's range in the scope and period under an order the label index does not keep;
     * the tests raise it so that the small fixture's labels take this path.
     */
    volatile long rareLabels = RARE_ANALYSES;

    /**
     * Whether a tracker or objection filter under a length or score order is collected from the label index: the scope's
     * labelled calls of the period (a team's tracker over 30 days) are read as one range and sorted, where the score or
     * length index walk checked the scope, the period and the label on every call it passed. Collecting costs a look-up
     * per label, as for the analysis filters, hence the same bound.
     */
    private boolean rareLabelRange(CallSearch search, Visibility visibility) {
        if (search.sort().expression.equals("c.occurred_at")) {
            return false;
        }
        String label = ExplorerQuery.labelFilter(search, visibility.scope() == Visibility.Scope.TENANT, true);
        if (label == null) {
            return false;
        }
        ExplorerQuery.Query estimate = ExplorerQuery.labelRangeEstimate(search, visibility, label);
        return planRows(estimate.select(), estimate.params()) < rareLabels;
    }

    /** The planner's row estimate for {@code explain} (an EXPLAIN (FORMAT JSON) statement; reads no rows). */
    private double planRows(String explain, Map<String, Object> params) {
        String plan = jdbc.sql(explain).params(params).query(String.class).single();
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("\"Plan Rows\":\\s*(\\d+)").matcher(plan);
        return rows.find() ? Double.parseDouble(rows.group(1)) : 0;
    }

    private boolean rareUnassignedText(CallSearch search, int page) {
        double matches = jdbc.sql("SELECT verbatim_unassigned_transcript_match_estimate(:q)")
                .param("q", search.text()).query(Long.class).single();
        // The planner's estimate of the unassigned calls' transcripts (reads no rows).
        double calls = planRows("EXPLAIN (FORMAT JSON) SELECT 1 FROM transcripts WHERE tenant_id = :tenant AND unassigned",
                Map.of("tenant", TenantContext.require().value()));
        // Session 12 also weighed the other filters' share here (they thin the walk's finds, not the look-up's cost): at a
        // million calls that sent three filters with a common word to collecting, 393 -> 926 ms p95 (docs/web.md), so the
        // share is not used until the look-up's cost per match is measured rather than assumed.
        return matches * matches < transcriptCheckCost * page * calls;
    }

    private boolean rareAnalyses(CallSearch search) {
        if (search.reason() == null && search.tracker() == null && search.objection() == null && search.entity() == null
                && search.reviewField() == null && !Boolean.TRUE.equals(search.needsReview())
                && !Boolean.TRUE.equals(search.autoFailed())) {
            return false;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("reason", search.reason());
        p.put("tracker", search.tracker());
        p.put("objection", search.objection());
        p.put("entity", search.entity());
        p.put("review_field", search.reviewField());
        p.put("needs_review_only", Boolean.TRUE.equals(search.needsReview()));
        p.put("auto_failed_only", Boolean.TRUE.equals(search.autoFailed()));
        return jdbc.sql("SELECT verbatim_analysis_match_estimate(CAST(:reason AS text), CAST(:tracker AS text), "
                + "CAST(:objection AS text), CAST(:entity AS text), CAST(:review_field AS text), :needs_review_only, :auto_failed_only)")
                .params(p).query(Long.class).single() < rareAnalyses;
    }

    /** Streams every matching row (up to {@link #EXPORT_LIMIT}) to {@code sink}, in the explorer's order. */
    @Transactional(readOnly = true)
    public int export(CallSearch search, Visibility visibility, Consumer<CallRow> sink) {
        ExplorerQuery.Query query = ExplorerQuery.query(search, visibility.sqlPredicate(), visibility, null,
                ExplorerQuery.Lookups.NONE);
        int[] count = {0};
        jdbc.sql(query.sql() + " LIMIT " + EXPORT_LIMIT).params(query.params()).withFetchSize(500)
                .query((ResultSet rs) -> {
                    sink.accept(row(rs));
                    count[0]++;
                });
        return count[0];
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
                rs.getString("outcome"), rs.getString("summary"), strings(rs.getArray("needs_review")),
                rs.getObject("contact_card_id", UUID.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
