package io.verbatim.csr.internal;

import io.verbatim.tenancy.TenantContext;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CsrMetrics as it was before the V43 roll-ups (the window's lead calls and appointments read on each request), kept
 * only so that CsrRollupsIT can compare the roll-up answers with what these queries compute.
 */
public class CsrMetricsBeforeRollups {

    private static final int UNBOOKED_LIMIT = 50;
    private final JdbcClient jdbc;
    private final MissedCalls missed;

    CsrMetricsBeforeRollups(JdbcClient jdbc, MissedCalls missed) {
        this.jdbc = jdbc;
        this.missed = missed;
    }

    /** One lead call of the window. */
    private record LeadCall(UUID id, UUID csr, UUID who, UUID contactCardId, String name, String phone, Instant at,
                            String qualification, String bookingStatus, List<String> objections, Double qaScore,
                            boolean bookedSince) {
        boolean qualified() {
            return "hot".equals(qualification) || "warm".equals(qualification);
        }
    }

    /** Every CSR's numbers, or only {@code csr}'s when it is not null. */
    public List<CsrNumbers> perCsr(Window window, UUID csr) {
        Map<String, Object> p = new HashMap<>(Map.of("t", TenantContext.require().value(),
                "from", Timestamp.from(window.start()), "to", Timestamp.from(window.end())));
        if (csr != null) {
            p.put("csr", csr);
        }
        Map<UUID, List<LeadCall>> calls = new HashMap<>();
        jdbc.sql(Sql.LEAD_CALLS.formatted(csr == null ? "" : "AND c.agent_user_id = :csr")).params(p).query(rs -> {
            Array objections = rs.getArray("objection_categories");
            // read as float8 in SQL, as the roll-up sums it: over text, a real "63.9" parses to a different double
            double score = rs.getDouble("qa_score");
            Double qa = rs.wasNull() ? null : score;
            LeadCall call = new LeadCall(rs.getObject("id", UUID.class), rs.getObject("csr", UUID.class),
                    rs.getObject("who", UUID.class), rs.getObject("contact_card_id", UUID.class), rs.getString("customer_name"),
                    rs.getString("customer_phone"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("qualification"),
                    rs.getString("booking_status"), objections == null ? List.of() : List.of((String[]) objections.getArray()), qa,
                    rs.getBoolean("booked_since"));
            calls.computeIfAbsent(call.csr(), k -> new ArrayList<>()).add(call);
        });
        // Booked contacts per CSR: their appointments of the window and their lead calls marked booked.
        Map<UUID, Set<UUID>> booked = new HashMap<>();
        jdbc.sql(Sql.BOOKED.formatted(csr == null ? "" : "AND ap.booked_by_id = :csr")).params(p).query(rs -> {
            booked.computeIfAbsent(rs.getObject("csr", UUID.class), k -> new HashSet<>()).add(rs.getObject("who", UUID.class));
        });
        calls.forEach((owner, list) -> list.stream().filter(c -> "booked".equals(c.bookingStatus()))
                .forEach(c -> booked.computeIfAbsent(c.csr(), k -> new HashSet<>()).add(c.who())));
        Map<UUID, Long> autoRescues = new HashMap<>();
        for (MissedCalls.MissedCall m : missed.all(window, csr)) {
            if (m.csrUserId() != null && m.rescuedBy() != null && m.rescuedBy().startsWith("ai_")) {
                autoRescues.merge(m.csrUserId(), 1L, Long::sum);
            }
        }
        return jdbc.sql(Sql.CSRS.formatted(csr == null ? "" : "AND u.id = :csr")).params(p).query((rs, n) -> {
            UUID id = rs.getObject("id", UUID.class);
            return numbers(id, rs.getString("name"), calls.getOrDefault(id, List.of()), booked.getOrDefault(id, Set.of()),
                    autoRescues.getOrDefault(id, 0L));
        }).list();
    }

    private static CsrNumbers numbers(UUID id, String name, List<LeadCall> calls, Set<UUID> booked, long autoRescues) {
        Set<UUID> leads = new HashSet<>();
        Set<UUID> qualified = new HashSet<>();
        double scoreSum = 0;
        int scored = 0;
        Map<String, long[]> objections = new TreeMap<>();
        // The latest qualified call of each contact, for the call-back list.
        Map<UUID, LeadCall> latestQualified = new HashMap<>();
        for (LeadCall c : calls) {
            leads.add(c.who());
            if (c.qualified()) {
                qualified.add(c.who());
                latestQualified.merge(c.who(), c, (a, b) -> b.at().isAfter(a.at()) ? b : a);
            }
            if (c.qaScore() != null) {
                scoreSum += c.qaScore();
                scored++;
            }
            for (String o : c.objections()) {
                long[] n = objections.computeIfAbsent(o, k -> new long[2]);
                n[0]++;
                if (!"booked".equals(c.bookingStatus())) {
                    n[1]++;
                }
            }
        }
        long lead = calls.size();
        Double sop = scored == 0 ? null : Math.round(scoreSum / scored / 100 * 10000.0) / 10000.0;
        List<CsrNumbers.Objection> objs = objections.entrySet().stream()
                .map(e -> new CsrNumbers.Objection(e.getKey(), e.getValue()[0], e.getValue()[1], CsrNumbers.rate(e.getValue()[0], lead)))
                .sorted(Comparator.comparingLong(CsrNumbers.Objection::count).reversed()).toList();
        // Qualified contacts nobody booked since: the CSR did not book them and no appointment was made after the call.
        List<CsrNumbers.Unbooked> unbooked = latestQualified.values().stream()
                .filter(c -> !booked.contains(c.who()) && !c.bookedSince())
                .sorted(Comparator.comparing(LeadCall::at).reversed().thenComparing(LeadCall::id))
                .limit(UNBOOKED_LIMIT)
                .map(c -> new CsrNumbers.Unbooked(c.contactCardId(), c.id(), c.name(), c.phone(),
                        !c.objections().isEmpty() ? "objection:" + c.objections().getFirst()
                                : c.bookingStatus() != null ? c.bookingStatus() : "not_booked", c.at()))
                .toList();
        long bookedCount = booked.size();
        return new CsrNumbers(id, name, leads.size(), qualified.size(), bookedCount, CsrNumbers.rate(bookedCount, qualified.size()),
                lead, CsrNumbers.rate(bookedCount, lead), autoRescues, sop, unbooked, objs);
    }

    /** CsrMetricsSql before V43. */
    private static final class Sql {
    static final String LEAD_CALLS = """
            WITH ids AS MATERIALIZED (
                SELECT c.id FROM conversations c JOIN analyses a ON a.conversation_id = c.id
                WHERE c.tenant_id = :t AND a.tenant_id = :t AND c.call_type = 'csr_call' AND c.agent_user_id IS NOT NULL
                  AND c.occurred_at >= :from AND c.occurred_at < :to AND a.qualification IN ('hot', 'warm', 'cold')
                  %s)
            SELECT c.id, c.agent_user_id AS csr, coalesce(c.contact_card_id, c.id) AS who, c.contact_card_id,
                   c.customer_name, c.customer_phone, c.occurred_at, a.qualification, a.booking_status,
                   a.objection_categories, a.qa_score::double precision AS qa_score,
                   a.qualification IN ('hot', 'warm') AND c.contact_card_id IS NOT NULL AND EXISTS (
                       SELECT 1 FROM appointments ap WHERE ap.tenant_id = :t AND ap.contact_card_id = c.contact_card_id
                         AND ap.status <> 'cancelled' AND ap.created_at >= c.occurred_at) AS booked_since
            FROM ids JOIN conversations c ON c.id = ids.id JOIN analyses a ON a.conversation_id = c.id
            WHERE c.tenant_id = :t AND a.tenant_id = :t
            """;

    /** The contacts each CSR booked in the window (appointments, not cancelled). {@code %s}: one CSR. */
    static final String BOOKED = """
            SELECT DISTINCT ap.booked_by_id AS csr, coalesce(ap.contact_card_id, ap.id) AS who FROM appointments ap
            WHERE ap.tenant_id = :t AND ap.booked_by_id IS NOT NULL AND ap.status <> 'cancelled'
              AND ap.created_at >= :from AND ap.created_at < :to %s
            """;

    /** One row per CSR of the tenant (or the one CSR), with or without calls. */
    static final String CSRS = """
            SELECT u.id, u.name FROM users u WHERE u.tenant_id = :t AND u.agent_kind = 'csr' %s ORDER BY u.name, u.id
            """;
    }
}
