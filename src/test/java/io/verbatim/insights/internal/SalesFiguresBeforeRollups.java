package io.verbatim.insights.internal;

import io.verbatim.insights.Period;
import io.verbatim.platform.ProblemException;
import io.verbatim.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SalesFigures as it was before the V43 roll-ups (straight from appointments, visits and leads), kept only so that
 * SalesRollupsIT can compare the roll-up answers with what these queries compute.
 */
public class SalesFiguresBeforeRollups {

    private static final String REP = "(CAST(:rep AS uuid) IS NULL OR %s = CAST(:rep AS uuid))";

    private final JdbcClient jdbc;

    public SalesFiguresBeforeRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SalesReport report(Period period, UUID onlyRep) {
        List<RepFigures> reps = figures(period, onlyRep);
        List<SalesReport.PendingLeads> pending = reps.stream().filter(r -> r.pendingLeads() > 0)
                .map(r -> new SalesReport.PendingLeads(r.repId(), r.name(), r.pendingLeads()))
                .sorted(Comparator.comparingLong(SalesReport.PendingLeads::pendingLeads).reversed()).toList();
        return new SalesReport(period.from(), period.to(), reps, total(reps), pending);
    }

    /** One rep of this tenant (404 for anyone else, including another tenant's rep). */
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
        params.put("rep", onlyRep == null ? null : onlyRep.toString());
        params.put("from", Timestamp.from(period.start()));
        params.put("to", Timestamp.from(period.end()));
        Map<UUID, Row> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM users WHERE tenant_id = :tenant AND agent_kind = 'sales_rep' AND " + REP.formatted("id"))
                .params(params).query((rs, n) -> row(rows, rs.getObject("id", UUID.class)).name = rs.getString("name")).list();
        jdbc.sql("""
                SELECT a.sales_rep_id AS rep, count(*) AS total,
                       count(*) FILTER (WHERE a.status = 'completed') AS completed,
                       count(*) FILTER (WHERE a.status = 'no_show') AS no_shows,
                       count(*) FILTER (WHERE a.status = 'cancelled') AS cancelled,
                       count(*) FILTER (WHERE a.status = 'completed' AND a.outcome = 'closed_won') AS won,
                       count(*) FILTER (WHERE a.status = 'completed' AND a.outcome = 'closed_lost') AS lost,
                       coalesce(sum(a.deal_value) FILTER (WHERE a.status = 'completed' AND a.outcome = 'closed_won'), 0) AS won_value,
                       count(*) FILTER (WHERE a.status = 'completed' AND EXISTS (
                           SELECT 1 FROM conversations c JOIN analyses an ON an.conversation_id = c.id
                           WHERE c.tenant_id = a.tenant_id AND c.visit_appointment_id = a.id)) AS recorded
                FROM appointments a
                WHERE a.tenant_id = :tenant AND a.scheduled_start >= :from AND a.scheduled_start < :to AND %s
                GROUP BY a.sales_rep_id""".formatted(REP.formatted("a.sales_rep_id")))
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
                    return r;
                }).list();
        jdbc.sql("""
                SELECT c.agent_user_id AS rep, coalesce(sum(c.duration_seconds), 0) AS seconds, count(*) AS visits,
                       count(an.qa_score) AS graded, avg(an.qa_score) AS grade
                FROM conversations c LEFT JOIN analyses an ON an.conversation_id = c.id
                WHERE c.tenant_id = :tenant AND c.channel = 'field_visit' AND c.agent_user_id IS NOT NULL
                  AND c.occurred_at >= :from AND c.occurred_at < :to AND %s
                GROUP BY c.agent_user_id""".formatted(REP.formatted("c.agent_user_id")))
                .params(params).query((rs, n) -> {
                    Row r = row(rows, rs.getObject("rep", UUID.class));
                    r.seconds = rs.getDouble("seconds");
                    r.visits = rs.getLong("visits");
                    r.graded = rs.getLong("graded");
                    r.grade = rs.getObject("grade") == null ? null : rs.getDouble("grade");
                    return r;
                }).list();
        jdbc.sql("""
                SELECT l.assigned_rep_user_id AS rep, count(*) AS pending FROM leads l
                WHERE l.tenant_id = :tenant AND l.assigned_rep_user_id IS NOT NULL
                  AND l.stage IN ('new', 'qualified', 'pending') AND %s
                GROUP BY l.assigned_rep_user_id""".formatted(REP.formatted("l.assigned_rep_user_id")))
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
