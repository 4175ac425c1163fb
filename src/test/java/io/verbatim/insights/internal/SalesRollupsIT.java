package io.verbatim.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.insights.Period;
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
 * The exec sales metrics and a rep's stats from the V43 roll-ups against the queries they replaced
 * (SalesFiguresBeforeRollups), on generated data in two companies after every kind of write (appointments' status,
 * outcome, value, rep and day changed or deleted; field visits re-pointed, re-assigned, moved, deleted, their analyses
 * changed and removed; leads' stage and rep changed or deleted): identical answers over several periods, for every
 * rep and for each rep.
 */
class SalesRollupsIT extends PlatformTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JsonMapper json;
    @Autowired
    SalesFigures figures;

    @Test
    void salesFiguresFromTheRollupsEqualTheQueriesTheyReplaced() {
        SalesCsrRollupData data = new SalesCsrRollupData(jdbc, transactions, 43);
        List<Tenant> tenants = new ArrayList<>();
        for (String name : List.of("Rollup Hvac", "Rollup Plumbing")) {
            Company c = SalesCsrRollupData.company(api, name);
            List<UUID> csrs = List.of(SalesCsrRollupData.agent(api, c, "csr"));
            List<UUID> reps = List.of(SalesCsrRollupData.agent(api, c, "sales_rep"), SalesCsrRollupData.agent(api, c, "sales_rep"),
                    UUID.randomUUID());
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
            SalesReport all = data.inTenant(t.id(), () -> figures.report(period(120, -15), null));
            assertThat(all.totals().appointments()).isPositive();
            assertThat(all.totals().completed()).isPositive();
            assertThat(all.totals().visitsRecorded()).isPositive();
            assertThat(all.totals().visitsRecordedAndAnalysed()).isPositive();
            assertThat(all.totals().pendingLeads()).isPositive();
        }
        SalesReport first = data.inTenant(tenants.get(0).id(), () -> figures.report(period(365, -15), null));
        assertThat(first.reps().stream().map(RepFigures::repId)).doesNotContainAnyElementsOf(tenants.get(1).reps());
    }

    private void assertSameAnswers(SalesCsrRollupData data, Tenant t) {
        SalesFiguresBeforeRollups before = new SalesFiguresBeforeRollups(jdbc);
        List<Period> periods = List.of(period(6, 0), period(29, 0), period(89, 0), period(365, -15), period(10, 10), period(0, -14),
                period(45, 20),
                // whole calendar months (V49 reads them from sales_rep_months): the last two, and from a first of the month
                new Period(firstOfMonth(2), firstOfMonth(0).minusDays(1), null), new Period(firstOfMonth(1), today(), null));
        List<UUID> who = new ArrayList<>(t.reps());
        who.add(null);
        for (Period p : periods) {
            for (UUID rep : who) {
                String expected = data.inTenant(t.id(), () -> json.writeValueAsString(before.report(p, rep)));
                String actual = data.inTenant(t.id(), () -> json.writeValueAsString(figures.report(p, rep)));
                assertThat(actual).as("period %s, rep %s", p, rep).isEqualTo(expected);
            }
        }
    }

    private static Period period(int fromDaysAgo, int toDaysAgo) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Period(today.minusDays(fromDaysAgo), today.minusDays(toDaysAgo), null);
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** The first day of the month {@code monthsAgo} months before this one. */
    private static LocalDate firstOfMonth(int monthsAgo) {
        return today().withDayOfMonth(1).minusMonths(monthsAgo);
    }
}
