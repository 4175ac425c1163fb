package io.verbatim.csr.internal;

import io.verbatim.platform.MonthSplit;
import io.verbatim.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-CSR booking numbers over a window, for one CSR or every CSR of the current tenant, from the per-day roll-ups
 * of V43 and their per-day and per-month summaries of V49 (a window is whole UTC days): a whole tenant's year reads
 * one row per CSR and month or edge day, instead of every lead call, appointment and analysis of the window.
 */
@Service
class CsrMetrics {

    private static final int UNBOOKED_LIMIT = 50;
    private final JdbcClient jdbc;
    private final MissedCalls missed;

    CsrMetrics(JdbcClient jdbc, MissedCalls missed) {
        this.jdbc = jdbc;
        this.missed = missed;
    }

    /** One CSR's sums over the window. */
    private static final class Sums {
        long leads, qualified, booked, leadCalls, scored;
        double scoreSum;
        final Map<String, long[]> objections = new TreeMap<>();
        final List<CsrNumbers.Unbooked> unbooked = new ArrayList<>();
    }

    /** Every CSR's numbers, or only {@code csr}'s when it is not null. */
    @Transactional(readOnly = true)
    public List<CsrNumbers> perCsr(Window window, UUID csr) {
        MonthSplit split = MonthSplit.of(window.from(), window.to());
        Map<String, Object> p = new HashMap<>(Map.of("t", TenantContext.require().value(), "from", window.from(),
                "to", window.to(), "monthsFrom", split.monthsFrom(), "monthsTo", split.monthsTo(), "limit", UNBOOKED_LIMIT));
        String onlyCsr = "";
        if (csr != null) {
            p.put("csr", csr);
            onlyCsr = "AND d.csr_id = :csr";
        }
        Map<UUID, Sums> sums = new HashMap<>();
        jdbc.sql(CsrMetricsSql.NUMBERS.formatted(onlyCsr)).params(p).query(rs -> {
            Sums s = sums.computeIfAbsent(rs.getObject("csr", UUID.class), k -> new Sums());
            s.leads = rs.getLong("leads");
            s.qualified = rs.getLong("qualified");
            s.booked = rs.getLong("booked");
            s.leadCalls = rs.getLong("lead_calls");
            s.scoreSum = rs.getDouble("qa_sum");
            s.scored = rs.getLong("qa_n");
        });
        jdbc.sql(CsrMetricsSql.OBJECTIONS.formatted(onlyCsr)).params(p).query(rs -> {
            sums.computeIfAbsent(rs.getObject("csr", UUID.class), k -> new Sums()).objections
                    .put(rs.getString("category"), new long[] {rs.getLong("calls"), rs.getLong("unbooked")});
        });
        jdbc.sql(CsrMetricsSql.UNBOOKED.formatted(csr == null ? "" : "AND u.id = :csr")).params(p).query(rs -> {
            sums.computeIfAbsent(rs.getObject("csr", UUID.class), k -> new Sums()).unbooked.add(new CsrNumbers.Unbooked(
                    rs.getObject("contact_card_id", UUID.class), rs.getObject("last_call_id", UUID.class),
                    rs.getString("customer_name"), rs.getString("customer_phone"), rs.getString("reason_not_booked"),
                    rs.getTimestamp("last_call_at").toInstant()));
        });
        Map<UUID, Long> autoRescues = missed.autoRescues(window, csr);
        return jdbc.sql(CsrMetricsSql.CSRS.formatted(csr == null ? "" : "AND u.id = :csr")).params(p).query((rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            return numbers(id, rs.getString("name"), sums.getOrDefault(id, new Sums()), autoRescues.getOrDefault(id, 0L));
        }).list();
    }

    private static CsrNumbers numbers(UUID id, String name, Sums s, long autoRescues) {
        long lead = s.leadCalls;
        Double sop = s.scored == 0 ? null : Math.round(s.scoreSum / s.scored / 100 * 10000.0) / 10000.0;
        List<CsrNumbers.Objection> objs = s.objections.entrySet().stream()
                .map(e -> new CsrNumbers.Objection(e.getKey(), e.getValue()[0], e.getValue()[1], CsrNumbers.rate(e.getValue()[0], lead)))
                .sorted(Comparator.comparingLong(CsrNumbers.Objection::count).reversed()).toList();
        List<CsrNumbers.Unbooked> unbooked = s.unbooked.stream()
                .sorted(Comparator.comparing(CsrNumbers.Unbooked::lastSpokenAt).reversed()
                        .thenComparing(CsrNumbers.Unbooked::conversationId))
                .limit(UNBOOKED_LIMIT).toList();
        return new CsrNumbers(id, name, s.leads, s.qualified, s.booked, CsrNumbers.rate(s.booked, s.qualified),
                lead, CsrNumbers.rate(s.booked, lead), autoRescues, sop, unbooked, objs);
    }
}
