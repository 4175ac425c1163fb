package io.verbatim.insights.internal;

import io.verbatim.insights.Period;
import io.verbatim.platform.MonthSplit;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exec sales metrics of issue 13, per rep, from the per-day roll-ups of appointments, field-visit conversations
 * and their analyses (V43, {@code sales_rep_days}, and their months, V49 {@code sales_rep_months}, kept by triggers; a
 * period is whole UTC days), and the open leads per rep as they are now ({@code sales_pending_leads}). Appointments
 * count by their scheduled start, visits by when they happened. A null rep means every rep the roll-ups find.
 */
@Component
class SalesFigures {

    private final JdbcClient jdbc;

    SalesFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    SalesReport report(Period period, UUID onlyRep) {
        List<RepFigures> reps = figures(period, onlyRep);
        List<SalesReport.PendingLeads> pending = reps.stream().filter(r -> r.pendingLeads() > 0)
                .map(r -> new SalesReport.PendingLeads(r.repId(), r.name(), r.pendingLeads()))
                .sorted(Comparator.comparingLong(SalesReport.PendingLeads::pendingLeads).reversed()).toList();
        return new SalesReport(period.from(), period.to(), reps, total(reps), pending);
    }

    /** One rep of this tenant (404 for anyone else, including another tenant's rep). */
    @Transactional(readOnly = true)
    RepFigures rep(Period period, UUID rep) {
        boolean known = jdbc.sql("SELECT count(*) FROM users WHERE id = :rep AND tenant_id = :tenant AND agent_kind = 'sales_rep'")
                .param("rep", rep).param("tenant", tenant()).query(Long.class).single() > 0;
        if (!known) {
            throw ProblemException.notFound("Sales rep " + rep);
        }
        return figures(period, rep).stream().filter(r -> r.repId().equals(rep)).findFirst().orElseThrow();
    }

    private List<RepFigures> figures(Period period, UUID onlyRep) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant());
        params.put("fromDay", period.from());
        params.put("toDay", period.to());
        if (onlyRep != null) {
            params.put("rep", onlyRep);
        }
        Map<UUID, Row> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM users WHERE tenant_id = :tenant AND agent_kind = 'sales_rep' "
                        + (onlyRep == null ? "" : "AND id = :rep"))
                .params(params).query((rs, n) -> row(rows, rs.getObject("id", UUID.class)).name = rs.getString("name")).list();
        // Per-day roll-ups (V43, kept by triggers): appointments by scheduled start, field visits by when they happened;
        // whole months from their monthly sums (V49), so a year reads one row per rep and month and the edge days.
        MonthSplit split = MonthSplit.of(period.from(), period.to());
        params.put("monthsFrom", split.monthsFrom());
        params.put("monthsTo", split.monthsTo());
        String rep = onlyRep == null ? "" : "AND d.rep_id = :rep";
        jdbc.sql("""
                SELECT x.rep_id AS rep, sum(x.appointments) AS total, sum(x.completed) AS completed, sum(x.no_shows) AS no_shows,
                       sum(x.cancelled) AS cancelled, sum(x.won) AS won, sum(x.lost) AS lost, sum(x.won_value) AS won_value,
                       sum(x.recorded) AS recorded, sum(x.visits) AS visits, sum(x.visit_seconds) AS seconds,
                       sum(x.graded) AS graded, sum(x.grade_sum) AS grade_sum
                FROM (
                    SELECT d.rep_id, d.appointments, d.completed, d.no_shows, d.cancelled, d.won, d.lost, d.won_value,
                           d.recorded, d.visits, d.visit_seconds, d.graded, d.grade_sum
                    FROM sales_rep_months d
                    WHERE d.tenant_id = :tenant AND d.month >= :monthsFrom AND d.month < :monthsTo %1$s
                    UNION ALL
                    SELECT d.rep_id, d.appointments, d.completed, d.no_shows, d.cancelled, d.won, d.lost, d.won_value,
                           d.recorded, d.visits, d.visit_seconds, d.graded, d.grade_sum
                    FROM sales_rep_days d
                    WHERE d.tenant_id = :tenant AND d.day >= :fromDay AND d.day < :monthsFrom %1$s
                    UNION ALL
                    SELECT d.rep_id, d.appointments, d.completed, d.no_shows, d.cancelled, d.won, d.lost, d.won_value,
                           d.recorded, d.visits, d.visit_seconds, d.graded, d.grade_sum
                    FROM sales_rep_days d
                    WHERE d.tenant_id = :tenant AND d.day >= :monthsTo AND d.day <= :toDay %1$s
                ) x
                GROUP BY x.rep_id""".formatted(rep))
                .params(params).query((rs, n) -> {
                    Row r = row(rows, rs.getObject("rep", UUID.class));
                    r.appointments = rs.getLong("total");
                    r.completed = rs.getLong("completed");
                    r.noShows = rs.getLong("no_shows");
                    r.cancelled = rs.getLong("cancelled");
                    r.won = rs.getLong("won");
                    r.lost = rs.getLong("lost");
                    r.wonValue = rs.getBigDecimal("won_value");
                    r.recordedAndAnalysed = rs.getLong("recorded");
                    r.seconds = rs.getDouble("seconds");
                    r.visits = rs.getLong("visits");
                    r.graded = rs.getLong("graded");
                    r.grade = r.graded == 0 ? null : rs.getDouble("grade_sum") / r.graded;
                    return r;
                }).list();
        jdbc.sql("SELECT rep_id AS rep, pending FROM sales_pending_leads WHERE tenant_id = :tenant %s"
                        .formatted(onlyRep == null ? "" : "AND rep_id = :rep"))
                .params(params).query((rs, n) -> row(rows, rs.getObject("rep", UUID.class)).pending = rs.getLong("pending"))
                .list();
        return rows.entrySet().stream().map(e -> e.getValue().figures(e.getKey()))
                .sorted(Comparator.comparing(RepFigures::name, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }

    private static RepFigures total(List<RepFigures> reps) {
        Row t = new Row();
        for (RepFigures r : reps) {
            t.appointments += r.appointments();
            t.completed += r.completed();
            t.noShows += r.noShows();
            t.cancelled += r.cancelled();
            t.won += r.closedWon();
            t.lost += r.closedLost();
            t.wonValue = t.wonValue.add(r.wonDealValue());
            t.recordedAndAnalysed += r.visitsRecordedAndAnalysed();
            t.seconds += r.totalRecordedHours() * 3600;
            t.visits += r.visitsRecorded();
            if (r.processGrade() != null) {
                t.gradeSum += r.processGrade() * r.visitsGraded();
                t.graded += r.visitsGraded();
            }
            t.pending += r.pendingLeads();
        }
        t.grade = t.graded == 0 ? null : t.gradeSum / t.graded;
        return t.figures(null);
    }

    private static Row row(Map<UUID, Row> rows, UUID rep) {
        return rows.computeIfAbsent(rep, k -> new Row());
    }

    private static String tenant() {
        return TenantContext.require().value();
    }

    /** Accumulates one rep's figures from the separate queries. */
    private static final class Row {
        String name;
        long appointments, completed, noShows, cancelled, won, lost, recordedAndAnalysed, visits, graded, pending;
        BigDecimal wonValue = BigDecimal.ZERO;
        double seconds, gradeSum;
        Double grade;

        RepFigures figures(UUID rep) {
            return new RepFigures(rep, name, appointments, completed, noShows, cancelled, won, lost, wonValue,
                    RepFigures.ratio(won, completed), RepFigures.ratio(won, won + lost), Math.round(seconds / 36.0) / 100.0,
                    visits, graded, grade, recordedAndAnalysed, RepFigures.ratio(recordedAndAnalysed, completed), pending);
        }
    }
}
