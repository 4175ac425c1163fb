package io.verbatim.csr.internal;

import io.verbatim.tenancy.TenantContext;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-CSR booking numbers over a window, for one CSR or every CSR of the current tenant. */
@Service
class CsrMetrics {

    private static final int UNBOOKED_LIMIT = 50;
    private final JdbcClient jdbc;
    private final MissedCalls missed;

    CsrMetrics(JdbcClient jdbc, MissedCalls missed) {
        this.jdbc = jdbc;
        this.missed = missed;
    }

    /** Every CSR's numbers, or only {@code csr}'s when it is not null. */
    @Transactional(readOnly = true)
    public List<CsrNumbers> perCsr(Window window, UUID csr) {
        String only = csr == null ? "" : "AND c.agent_user_id = :csr";
        String onlyBooked = csr == null ? "" : "AND ap.booked_by_id = :csr";
        Map<String, Object> p = new HashMap<>(Map.of("t", TenantContext.require().value(),
                "from", Timestamp.from(window.start()), "to", Timestamp.from(window.end())));
        if (csr != null) {
            p.put("csr", csr);
        }
        Map<UUID, List<CsrNumbers.Unbooked>> unbooked = new HashMap<>();
        jdbc.sql(CsrMetricsSql.UNBOOKED.formatted(only, onlyBooked)).params(p).query(rs -> {
            List<CsrNumbers.Unbooked> list = unbooked.computeIfAbsent(rs.getObject("csr", UUID.class), k -> new ArrayList<>());
            if (list.size() < UNBOOKED_LIMIT) {
                String status = rs.getString("booking_status");
                String objection = rs.getString("objection");
                list.add(new CsrNumbers.Unbooked(rs.getObject("contact_card_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getString("customer_name"), rs.getString("customer_phone"),
                        objection != null ? "objection:" + objection : status != null ? status : "not_booked",
                        rs.getTimestamp("occurred_at").toInstant()));
            }
        });
        Map<UUID, List<Object[]>> objections = new HashMap<>();
        jdbc.sql(CsrMetricsSql.OBJECTIONS.formatted(only, onlyBooked)).params(p).query(rs -> {
            objections.computeIfAbsent(rs.getObject("csr", UUID.class), k -> new ArrayList<>())
                    .add(new Object[] {rs.getString("category"), rs.getLong("n"), rs.getLong("unbooked")});
        });
        Map<UUID, Long> autoRescues = new HashMap<>();
        for (MissedCalls.MissedCall m : missed.all(window, csr)) {
            if (m.csrUserId() != null && m.rescuedBy() != null && m.rescuedBy().startsWith("ai_")) {
                autoRescues.merge(m.csrUserId(), 1L, Long::sum);
            }
        }
        String onlyUser = csr == null ? "" : "AND u.id = :csr";
        return jdbc.sql(CsrMetricsSql.PER_CSR.formatted(only, onlyBooked, onlyUser)).params(p).query((rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            long calls = rs.getLong("lead_calls");
            long booked = rs.getLong("booked");
            long qualified = rs.getLong("qualified");
            double sop = rs.getDouble("sop");
            Double sopCompliance = rs.wasNull() ? null : Math.round(sop * 10000.0) / 10000.0;
            List<CsrNumbers.Objection> objs = objections.getOrDefault(id, List.of()).stream()
                    .map(o -> new CsrNumbers.Objection((String) o[0], (Long) o[1], (Long) o[2],
                            CsrNumbers.rate((Long) o[1], calls)))
                    .toList();
            return new CsrNumbers(id, rs.getString("name"), rs.getLong("leads"), qualified, booked,
                    CsrNumbers.rate(booked, qualified), calls, CsrNumbers.rate(booked, calls),
                    autoRescues.getOrDefault(id, 0L), sopCompliance, unbooked.getOrDefault(id, List.of()), objs);
        }).list();
    }
}
