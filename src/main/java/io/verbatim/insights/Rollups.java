package io.verbatim.insights;

import io.verbatim.tenancy.TenantContext;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the daily roll-ups current. Triggers write a change row (tenant, day) whenever a conversation
 * or its analysis changes; a refresh recomputes exactly the days those rows name, from the source
 * tables, and deletes the rows it handled. Recomputing a day (rather than adding deltas) keeps the
 * roll-ups exact under re-analysis, deletion and retries; a per-tenant advisory lock keeps two
 * refreshes from interleaving.
 */
@Service
public class Rollups {

    /**
     * Above this many changed days a page does not wait: the background refresh catches up (recomputing a
     * day of a million-conversation tenant takes about half a second; a whole year minutes).
     */
    static final int INLINE_DAYS = 3;
    /** ...or up to this many days when they held few conversations (small tenants, tests, a late import). */
    static final int INLINE_SMALL_DAYS = 62;
    static final int INLINE_SMALL_CONVERSATIONS = 20_000;
    /** A refresh of a month of days or more is a rebuild (live traffic touches today and a few days): the roll-ups are analysed after it. */
    static final int ANALYSE_DAYS = 31;
    private static final List<String> DAILY_TABLES = List.of("daily_conversation_stats", "daily_conversation_counts",
            "daily_qa_items", "daily_team_stats", "daily_team_counts", "daily_team_qa_items", "daily_tenant_stats");
    private static final List<String> ROLLUP_TABLES = java.util.stream.Stream.concat(DAILY_TABLES.stream(),
            MonthlyRollupSql.TABLES.stream().map(t -> "monthly_" + t)).toList();
    private static final Logger log = LoggerFactory.getLogger(Rollups.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public Rollups(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Brings the current tenant's roll-ups up to date when only a little changed; returns {@code false}
     * when too much is pending to do it now (the figures are then up to a refresh interval stale).
     */
    public boolean refreshIfSmall() {
        String tenant = TenantContext.require().value();
        // Distinct days among the oldest pending rows (a burst of changes to today stays one day), and how many
        // conversations those days held at the last refresh.
        long[] pending = transactions.execute(s -> jdbc.sql("""
                WITH days AS (SELECT DISTINCT day FROM (SELECT day FROM rollup_changes WHERE tenant_id = :tenant
                                                        ORDER BY id LIMIT 5000) p)
                SELECT (SELECT count(*) FROM days) AS days,
                       (SELECT coalesce(sum(conversations), 0) FROM daily_team_stats
                        WHERE tenant_id = :tenant AND day IN (SELECT day FROM days)) AS conversations""")
                .param("tenant", tenant).query((rs, n) -> new long[] {rs.getLong("days"), rs.getLong("conversations")}).single());
        long days = pending[0];
        if (days == 0) {
            return true;
        }
        boolean small = days <= INLINE_SMALL_DAYS && pending[1] <= INLINE_SMALL_CONVERSATIONS;
        if (days > INLINE_DAYS && !small) {
            return false;
        }
        recomputePending(); // on a page's request: no ANALYZE here, the background refresh does that after a rebuild
        return true;
    }

    /**
     * Recomputes every day with pending changes for the current tenant and, after a rebuild, analyses the roll-ups;
     * returns the number of days.
     */
    public int refresh() {
        int days = recomputePending();
        if (days >= ANALYSE_DAYS) {
            analyse();
        }
        return days;
    }

    private int recomputePending() {
        String tenant = TenantContext.require().value();
        Integer days = transactions.execute(s -> {
            // The background job asks for every tenant every few seconds: nothing pending, no lock.
            if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM rollup_changes WHERE tenant_id = ?)").param(tenant)
                    .query(Boolean.class).single()) {
                return 0;
            }
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('verbatim-rollups:' || ?))").param(tenant).query(Object.class).list();
            List<LocalDate> changed = jdbc.sql("""
                    WITH handled AS (DELETE FROM rollup_changes WHERE tenant_id = ? RETURNING day)
                    SELECT DISTINCT day FROM handled ORDER BY day""")
                    .param(tenant).query((rs, n) -> rs.getObject(1, LocalDate.class)).list();
            if (!changed.isEmpty()) {
                recompute(tenant, changed);
            }
            return changed.size();
        });
        if (days != null && days > 0) {
            log.debug("Roll-ups of {}: {} day(s) recomputed", tenant, days);
        }
        return days == null ? 0 : days;
    }

    /**
     * After a rebuild this large the roll-ups' statistics no longer describe them (a first build after a migration's
     * backfill: the planner took them for empty and read a year of days row by row, V55), so they are analysed at once
     * rather than at autovacuum's next pass. Without the MAINTAIN privilege PostgreSQL skips each table with a warning.
     */
    private void analyse() {
        long t0 = System.nanoTime();
        jdbc.sql("ANALYZE " + String.join(", ", ROLLUP_TABLES)).update();
        log.info("Roll-ups analysed after a large refresh in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    private void recompute(String tenant, List<LocalDate> days) {
        Date[] dates = days.stream().map(Date::valueOf).toArray(Date[]::new);
        for (String table : DAILY_TABLES) {
            jdbc.sql("DELETE FROM " + table + " WHERE tenant_id = :tenant AND day = ANY(:days)")
                    .param("tenant", tenant).param("days", dates).update();
        }
        jdbc.sql(RollupSql.STATS).param("tenant", tenant).param("days", dates).update();
        jdbc.sql(RollupSql.COUNTS).param("tenant", tenant).param("days", dates).update();
        jdbc.sql(RollupSql.QA_ITEMS).param("tenant", tenant).param("days", dates).update();
        jdbc.sql(RollupSql.TEAM_STATS).param("tenant", tenant).param("days", dates).update();
        jdbc.sql(RollupSql.TENANT_STATS).param("tenant", tenant).param("days", dates).update();
        jdbc.sql(RollupSql.TEAM_COUNTS).param("tenant", tenant).param("days", dates).update();
        jdbc.sql(RollupSql.TEAM_QA_ITEMS).param("tenant", tenant).param("days", dates).update();
        // The months of those days, summed again from their daily rows (V52: the whole months of a long window).
        Date[] months = days.stream().map(d -> d.withDayOfMonth(1)).distinct().map(Date::valueOf).toArray(Date[]::new);
        for (String delete : MonthlyRollupSql.DELETE) {
            jdbc.sql(delete).param("tenant", tenant).param("months", months).update();
        }
        for (String insert : MonthlyRollupSql.INSERT) {
            jdbc.sql(insert).param("tenant", tenant).param("months", months).update();
        }
    }
}
