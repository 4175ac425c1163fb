package io.verbatim.csr.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.support.SalesCsrRollupData;
import io.verbatim.support.SalesCsrRollupData.Company;
import io.verbatim.support.SalesCsrRollupData.Tenant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CSR metrics from the V43 roll-ups against the queries they replaced (CsrMetricsBeforeRollups), on generated
 * data in two companies after every kind of write (inserts, analyses changed and removed, calls moved between days,
 * CSRs and cards, appointments re-booked, cancelled, moved and deleted, bulk updates): the roll-up tables equal their
 * definition, and every CSR's numbers, for the whole company and for each CSR, over several windows, are identical.
 */
class CsrRollupsIT extends PlatformTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JsonMapper json;
    @Autowired
    CsrMetrics metrics;
    @Autowired
    MissedCalls missed;

    @Test
    void csrNumbersFromTheRollupsEqualTheQueriesTheyReplaced() {
        SalesCsrRollupData data = new SalesCsrRollupData(jdbc, transactions, 13);
        List<Tenant> tenants = new ArrayList<>();
        for (String name : List.of("Rollup Roofing", "Rollup Solar")) {
            Company c = SalesCsrRollupData.company(api, name);
            List<UUID> csrs = List.of(SalesCsrRollupData.agent(api, c, "csr"), SalesCsrRollupData.agent(api, c, "csr"));
            List<UUID> reps = List.of(SalesCsrRollupData.agent(api, c, "sales_rep"), SalesCsrRollupData.agent(api, c, "sales_rep"));
            tenants.add(data.generate(c.tenant(), csrs, reps));
        }
        for (Tenant t : tenants) {
            data.assertRollupsEqualDefinitions(t.id());
            assertSameAnswers(data, t);
        }
        for (Tenant t : tenants) {
            data.change(t);
        }
        for (Tenant t : tenants) {
            data.assertRollupsEqualDefinitions(t.id());
            assertSameAnswers(data, t);
            // the figures are not empty: the comparison compares something
            List<CsrNumbers> all = data.inTenant(t.id(), () -> metrics.perCsr(window(89, 0), null));
            assertThat(all).hasSize(2);
            assertThat(all.stream().mapToLong(CsrNumbers::inboundLeadCalls).sum()).isPositive();
            assertThat(all.stream().mapToLong(CsrNumbers::appointmentsBooked).sum()).isPositive();
            assertThat(all.stream().mapToLong(n -> n.unbookedAppointmentsList().size()).sum()).isPositive();
            assertThat(all.stream().mapToLong(n -> n.csrObjections().size()).sum()).isPositive();
            assertThat(all.stream().mapToLong(CsrNumbers::autoRescues).sum()).isPositive();
            assertSpeedToLeadEqualsItsDefinition(data, t);
        }
        // Another company's CSRs never appear, and its rows never count.
        List<CsrNumbers> first = data.inTenant(tenants.get(0).id(), () -> metrics.perCsr(window(365, 0), null));
        assertThat(first.stream().map(CsrNumbers::csrUserId)).doesNotContainAnyElementsOf(tenants.get(1).csrs());
        assertThat(json.writeValueAsString(first)).doesNotContain(tenants.get(1).cards().getFirst().toString());
    }

    private void assertSameAnswers(SalesCsrRollupData data, Tenant t) {
        CsrMetricsBeforeRollups before = new CsrMetricsBeforeRollups(jdbc, missed);
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        List<Window> windows = List.of(window(6, 0), window(29, 0), window(89, 0), window(365, 0), window(10, 10), window(0, -14),
                window(45, 20),
                // whole calendar months (V49 reads them from csr_months): the last two, and from a first of the month
                new Window(month.minusMonths(2), month.minusDays(1)), new Window(month.minusMonths(1), LocalDate.now(ZoneOffset.UTC)));
        List<UUID> who = new ArrayList<>(t.csrs());
        who.add(null);
        for (Window w : windows) {
            for (UUID csr : who) {
                String expected = data.inTenant(t.id(), () -> json.writeValueAsString(before.perCsr(w, csr)));
                String actual = data.inTenant(t.id(), () -> json.writeValueAsString(metrics.perCsr(w, csr)));
                assertThat(actual).as("window %s, csr %s", w, csr).isEqualTo(expected);
                if (csr == null) {
                    String expectedExec = json.writeValueAsString(ExecCsrView.of(w, data.inTenant(t.id(), () -> before.perCsr(w, null))));
                    String actualExec = json.writeValueAsString(ExecCsrView.of(w, data.inTenant(t.id(), () -> metrics.perCsr(w, null))));
                    assertThat(actualExec).isEqualTo(expectedExec);
                }
            }
        }
    }

    /**
     * Speed-to-lead from the V50 roll-up against a plain query over the definition, for the tenant and one CSR, over
     * several windows; every kind of response (answered call, outbound call, SMS) and never-responded leads occur.
     */
    private void assertSpeedToLeadEqualsItsDefinition(SalesCsrRollupData data, Tenant t) {
        String plain = """
                SELECT count(*) AS leads, count(f.response_seconds) AS responded,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY f.response_seconds) AS median,
                       count(*) FILTER (WHERE f.response_seconds <= 300) AS within5
                FROM lead_responses_of(:t, NULL) f
                WHERE f.lead_at >= :from AND f.lead_at < :to AND (CAST(:csr AS uuid) IS NULL OR f.csr_id = :csr)""";
        for (Window w : List.of(window(6, 0), window(29, 0), window(89, 0), window(365, 0), window(45, 20))) {
            for (UUID csr : java.util.Arrays.asList(null, t.csrs().getFirst())) {
                var expected = data.inTenant(t.id(), () -> jdbc.sql(plain).param("t", t.id().value())
                        .param("from", java.sql.Timestamp.from(w.start())).param("to", java.sql.Timestamp.from(w.end()))
                        .param("csr", csr).query().singleRow());
                SpeedToLead.View view = data.inTenant(t.id(), () -> new SpeedToLead(jdbc).of(w, csr));
                SpeedToLead.Figures f = csr == null ? view.tenant() : view.csrs().getFirst().speedToLead();
                assertThat(f.newLeads()).as("%s %s", w, csr).isEqualTo(((Number) expected.get("leads")).longValue());
                assertThat(f.responded()).isEqualTo(((Number) expected.get("responded")).longValue());
                assertThat(f.within5Minutes()).isEqualTo(((Number) expected.get("within5")).longValue());
                Object median = expected.get("median");
                assertThat(f.medianSeconds()).isEqualTo(median == null ? null : Math.round(((Number) median).doubleValue() * 10.0) / 10.0);
            }
        }
        SpeedToLead.Figures year = data.inTenant(t.id(), () -> new SpeedToLead(jdbc).of(window(365, 0), null)).tenant();
        assertThat(year.newLeads()).isPositive();
        assertThat(year.responded()).isPositive();
        assertThat(year.neverResponded()).isPositive();
        var kinds = data.inTenant(t.id(), () -> jdbc.sql("SELECT DISTINCT response_kind FROM lead_responses WHERE response_kind IS NOT NULL")
                .query(String.class).list());
        assertThat(kinds).contains("answered_call", "outbound_call", "sms");
    }

    /** The UTC days {@code [today - fromDaysAgo, today - toDaysAgo]}. */
    private static Window window(int fromDaysAgo, int toDaysAgo) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Window(today.minusDays(fromDaysAgo), today.minusDays(toDaysAgo));
    }
}
