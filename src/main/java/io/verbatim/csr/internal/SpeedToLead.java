package io.verbatim.csr.internal;

import io.verbatim.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Speed-to-lead over a window (docs/csr.md "Speed-to-lead"): the new leads whose first contact falls in the window,
 * read from {@code lead_responses} (V50: one row per contact, kept by triggers), per CSR (the responder, or the CSR
 * the lead rang for when nobody responded) and for the whole tenant.
 */
@Service
class SpeedToLead {

    /** Within this many seconds a response counts as "within 5 minutes" (the Lead Response Management study's mark). */
    static final int FIVE_MINUTES = 300;

    /**
     * @param newLeads       contacts whose first lead is in the window
     * @param responded      of those, responded to (at any time since)
     * @param medianSeconds  median seconds from the lead to the first response, over the responded leads
     * @param p90Seconds     90th percentile of the same
     * @param within5Minutes responded within 5 minutes
     * @param within5MinutesShare within5Minutes / newLeads
     * @param neverResponded newLeads - responded
     * @param respondedByAi  responded first by a voice agent, a chat or an automatic text
     */
    record Figures(long newLeads, long responded, Double medianSeconds, Double p90Seconds, long within5Minutes,
                   Double within5MinutesShare, long neverResponded, long respondedByAi) {

        static final Figures NONE = new Figures(0, 0, null, null, 0, null, 0, 0);
    }

    /** One CSR's figures. */
    record PerCsr(UUID csrUserId, String name, Figures speedToLead) {
    }

    /** The tenant's figures (null when only one CSR's were asked for) and each CSR's. */
    record View(Figures tenant, List<PerCsr> csrs) {
    }

    /**
     * Per CSR and, with {@code GROUPING SETS}, for all leads of the window (AI responses and leads that rang for
     * nobody included). The window is read by {@code lead_responses_window}, one CSR by {@code lead_responses_csr}.
     */
    static final String FIGURES = """
            SELECT r.csr_id AS csr, grouping(r.csr_id) AS whole, count(*) AS leads, count(r.response_seconds) AS responded,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY r.response_seconds) AS median,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY r.response_seconds) AS p90,
                   count(*) FILTER (WHERE r.response_seconds <= %d) AS within5,
                   count(*) FILTER (WHERE r.responder_kind = 'ai') AS by_ai
            FROM lead_responses r
            WHERE r.tenant_id = :t AND r.lead_at >= :from AND r.lead_at < :to %s
            GROUP BY GROUPING SETS (%s)
            """;

    private final JdbcClient jdbc;

    SpeedToLead(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every CSR's figures and the tenant's, or only {@code csr}'s (tenant null) when it is not null. */
    @Transactional(readOnly = true)
    public View of(Window window, UUID csr) {
        Map<String, Object> p = new HashMap<>(Map.of("t", TenantContext.require().value(),
                "from", Timestamp.from(window.start()), "to", Timestamp.from(window.end())));
        String sql;
        if (csr == null) {
            sql = FIGURES.formatted(FIVE_MINUTES, "", "(r.csr_id), ()");
        } else {
            p.put("csr", csr);
            sql = FIGURES.formatted(FIVE_MINUTES, "AND r.csr_id = :csr", "(r.csr_id)");
        }
        Map<UUID, Figures> byCsr = new HashMap<>();
        Figures[] tenant = {csr == null ? Figures.NONE : null};
        jdbc.sql(sql).params(p).query(rs -> {
            Figures f = figures(rs);
            if (rs.getInt("whole") == 1) {
                tenant[0] = f;
            } else {
                UUID id = rs.getObject("csr", UUID.class);
                if (id != null) {
                    byCsr.put(id, f);
                }
            }
        });
        List<PerCsr> rows = new ArrayList<>();
        jdbc.sql(CsrMetricsSql.CSRS.formatted(csr == null ? "" : "AND u.id = :csr")).params(p).query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            rows.add(new PerCsr(id, rs.getString("name"), byCsr.getOrDefault(id, Figures.NONE)));
        });
        return new View(tenant[0], rows);
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        long leads = rs.getLong("leads");
        long responded = rs.getLong("responded");
        long within = rs.getLong("within5");
        return new Figures(leads, responded, seconds(rs, "median"), seconds(rs, "p90"), within, CsrNumbers.rate(within, leads),
                leads - responded, rs.getLong("by_ai"));
    }

    private static Double seconds(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(v * 10.0) / 10.0;
    }
}
