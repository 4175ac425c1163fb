package io.verbatim.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.conversations.Visibility;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.SalesCsrRollupData;
import io.verbatim.support.SalesCsrRollupData.Company;
import io.verbatim.support.SalesCsrRollupData.Tenant;
import io.verbatim.tenancy.TenantContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The dashboards with the whole months of a period read from the monthly roll-ups (V52) give exactly the answers of the
 * daily roll-ups alone: Business Overview, QA Overview, the agent ranking and an agent's page, for a tenant, a team
 * scope and an agent's own, over periods with and without whole months, before and after every kind of write (calls
 * moved between days and agents, re-analysed, deleted), on four months of generated calls in a company of its own.
 */
class MonthlyRollupsIT extends PlatformTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Dashboards dashboards;
    @Autowired
    Rollups rollups;

    @Test
    void dashboardsFromMonthlyRollupsEqualTheDailyOnes() {
        Dashboards daily = new Dashboards(jdbc, rollups, transactions, false);
        SalesCsrRollupData data = new SalesCsrRollupData(jdbc, transactions, 52);
        Company company = SalesCsrRollupData.company(api, "Monthly Rollups");
        List<UUID> csrs = List.of(SalesCsrRollupData.agent(api, company, "csr"), SalesCsrRollupData.agent(api, company, "csr"));
        List<UUID> reps = List.of(SalesCsrRollupData.agent(api, company, "sales_rep"));
        Tenant t = data.generate(company.tenant(), csrs, reps);
        UUID team = UUID.randomUUID();
        data.inTenant(t.id(), () -> {
            // What the generator leaves empty: a team, call reasons, trackers, sentiment and scorecard items.
            jdbc.sql("INSERT INTO teams (id, tenant_id, name) VALUES (?, ?, 'Monthly team')").params(team, t.id().value()).update();
            jdbc.sql("UPDATE conversations SET team_id = ? WHERE tenant_id = ? AND agent_user_id = ?")
                    .params(team, t.id().value(), csrs.getFirst()).update();
            jdbc.sql("""
                    UPDATE analyses SET call_reason = (ARRAY['billing', 'repair', 'install'])[1 + abs(hashtext(conversation_id::text)) % 3],
                        trackers = CASE WHEN abs(hashtext(conversation_id::text)) % 2 = 0 THEN ARRAY['refund'] ELSE '{}' END,
                        customer_sentiment = (ARRAY['negative', 'neutral', 'positive'])[1 + abs(hashtext(conversation_id::text)) % 3],
                        talk_ratio = 0.25 + (abs(hashtext(conversation_id::text)) % 50) / 100.0
                    WHERE tenant_id = ?""").param(t.id().value()).update();
            jdbc.sql("""
                    INSERT INTO qa_item_results (conversation_id, tenant_id, scorecard, section, item_key, result)
                    SELECT a.conversation_id, a.tenant_id, 'default', 'Opening', k.item,
                           CASE WHEN abs(hashtext(a.conversation_id::text || k.item)) % 3 = 0 THEN 'not_met' ELSE 'met' END
                    FROM analyses a CROSS JOIN (VALUES ('greeting'), ('name'), ('empathy')) AS k(item)
                    WHERE a.tenant_id = ?""").param(t.id().value()).update();
            return null;
        });
        refresh(t);
        // Four months of days at once is a rebuild: the roll-ups are analysed after it (V55), so the planner no longer
        // takes them for the empty tables they were (before, it read a year of days row by row through the day index).
        long days = data.inTenant(t.id(), () -> jdbc.sql("SELECT count(DISTINCT day) FROM daily_team_stats").query(Long.class).single());
        long rows = data.inTenant(t.id(), () -> jdbc.sql("SELECT count(*) FROM daily_team_stats").query(Long.class).single());
        assertThat(days).as("days rebuilt").isGreaterThanOrEqualTo(Rollups.ANALYSE_DAYS);
        assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE relname = 'daily_team_stats'").query(Double.class).single())
                .as("rows the planner knows of").isGreaterThanOrEqualTo(rows);
        int months = data.inTenant(t.id(), () -> jdbc.sql("SELECT count(DISTINCT day) FROM monthly_team_stats").query(Integer.class).single());
        assertThat(months).as("months with calls in the monthly roll-ups").isGreaterThanOrEqualTo(4);
        assertSameAnswers(data, t, daily, team, csrs.getFirst());
        assertTenantDaysSumTheTeams(data, t);

        data.change(t);
        refresh(t);
        assertSameAnswers(data, t, daily, team, csrs.getFirst());
        assertTenantDaysSumTheTeams(data, t);
    }

    /** The per-tenant day roll-ups (V56, the tenant-wide per-day series) are exactly the team rows summed. */
    private void assertTenantDaysSumTheTeams(SalesCsrRollupData data, Tenant t) {
        String measures = "conversations, analysed, sentiment_negative, sentiment_neutral, sentiment_positive, qa_n, auto_failed";
        String summed = "sum(conversations), sum(analysed), sum(sentiment_negative), sum(sentiment_neutral), "
                + "sum(sentiment_positive), sum(qa_n), sum(auto_failed)";
        String tenantRows = "SELECT day, direction, channel, source, " + measures + ", qa_sum::numeric, qa_histogram FROM daily_tenant_stats";
        String teamSums = "SELECT day, direction, channel, source, " + summed + ", sum(qa_sum)::numeric, ARRAY[" + java.util.stream.IntStream
                .rangeClosed(1, 10).mapToObj(i -> "sum(qa_histogram[" + i + "])::int").collect(java.util.stream.Collectors.joining(", "))
                + "] FROM daily_team_stats GROUP BY day, direction, channel, source";
        long[] counts = data.inTenant(t.id(), () -> jdbc.sql("SELECT (SELECT count(*) FROM daily_tenant_stats), (SELECT count(*) FROM ("
                        + "(" + tenantRows + " EXCEPT ALL " + teamSums + ") UNION ALL (" + teamSums + " EXCEPT ALL " + tenantRows + ")) d)")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single());
        assertThat(counts[0]).as("tenant day rows").isPositive();
        assertThat(counts[1]).as("tenant day rows differing from the team rows summed").isZero();
    }

    private void refresh(Tenant t) {
        TenantContext.callAs(t.id(), rollups::refresh);
    }

    private void assertSameAnswers(SalesCsrRollupData data, Tenant t, Dashboards daily, UUID team, UUID agent) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Period> periods = List.of(
                new Period(today.minusDays(364), today, null),               // whole months between two partial ones
                new Period(today.minusDays(130), today, null),
                new Period(today.minusMonths(3).withDayOfMonth(1), today.withDayOfMonth(1).minusDays(1), null), // months only
                new Period(today.minusDays(20), today, null),                // at most one month boundary, no whole month
                new Period(today.minusDays(364), today, team));              // a team filter
        List<Visibility> visibilities = List.of(new Visibility(Visibility.Scope.TENANT, null, null),
                new Visibility(Visibility.Scope.TEAM, null, team), new Visibility(Visibility.Scope.OWN, agent, null));
        for (Period period : periods) {
            for (Visibility visibility : visibilities) {
                String as = period + " " + visibility.scope();
                data.inTenant(t.id(), () -> {
                    assertThat(dashboards.business(period, visibility)).as("business " + as).isEqualTo(daily.business(period, visibility));
                    assertThat(dashboards.qa(period, visibility)).as("qa " + as).isEqualTo(daily.qa(period, visibility));
                    AgentPerformance.Ranking ranking = dashboards.agents(period, visibility);
                    assertThat(ranking).as("agents " + as).isEqualTo(daily.agents(period, visibility));
                    for (AgentPerformance row : ranking.agents()) {
                        assertThat(dashboards.agent(row.agentKey(), period, visibility)).as("agent " + row.agentKey() + " " + as)
                                .isEqualTo(daily.agent(row.agentKey(), period, visibility));
                    }
                    return null;
                });
            }
        }
        BusinessOverview year = data.inTenant(t.id(), () -> dashboards.business(periods.getFirst(), visibilities.getFirst()));
        assertThat(year.totals().conversations()).as("calls in the year").isGreaterThan(100);
    }
}
