package io.verbatim.shopping.internal;

import io.verbatim.campaigns.Campaign;
import io.verbatim.campaigns.CampaignStatus;
import io.verbatim.campaigns.Campaigns;
import io.verbatim.identity.CurrentUser;
import io.verbatim.identity.Role;
import io.verbatim.tenancy.Tenants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The mystery-shopping dashboard by role: a platform admin (not acting in a company) every company's totals;
 * admins and executives their company; managers their campaigns; shoppers their own evaluations and pending
 * assignments. Company and manager figures come from rollup tables kept by database triggers (V40), never from
 * loading or scanning every evaluation.
 */
@RestController
class DashboardController {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final Tenants tenants;
    private final TransactionTemplate transaction;

    DashboardController(JdbcClient jdbc, Campaigns campaigns, Tenants tenants, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.tenants = tenants;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setReadOnly(true);
    }

    @GetMapping("/api/v1/dashboard")
    Map<String, Object> dashboard() {
        CurrentUser user = CurrentUser.require();
        if (user.role() == Role.PLATFORM_ADMIN && !user.crossTenant()) {
            return platform();
        }
        return transaction.execute(tx -> switch (user.role()) {
            case AGENT -> shopper(user);
            case MANAGER -> company("manager", String.join(",", campaigns.visible().stream().map(c -> c.id().toString()).toList()));
            default -> company("company", null);
        });
    }

    private Map<String, Object> platform() {
        List<Map<String, Object>> companies = new ArrayList<>();
        tenants.forEachActive(t -> transaction.executeWithoutResult(tx -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("company_id", t.id().value());
            row.put("name", t.name());
            row.put("subscription_status", jdbc.sql("SELECT subscription_status FROM company_profiles").query(String.class)
                    .optional().orElse("active"));
            row.put("evaluations", jdbc.sql("SELECT count(*) FROM shopper_evaluations WHERE deleted_at IS NULL").query(Long.class).single());
            row.put("campaigns_active", jdbc.sql("SELECT count(*) FROM campaigns WHERE status = 'active' AND deleted_at IS NULL")
                    .query(Long.class).single());
            companies.add(row);
        }));
        return Map.of("view", "platform", "companies", companies);
    }

    /**
     * The company's figures, or a manager's ({@code campaignIds} comma-separated; null = all campaigns). They are read
     * from the rollups that triggers keep in step with every evaluation write (V40), so a request reads a few thousand
     * rows, not every evaluation; the weekly trend reads raw rows only for the part of the day where its window starts.
     */
    private Map<String, Object> company(String view, String campaignIds) {
        boolean scoped = campaignIds != null;
        String ids = campaignIds == null ? "" : campaignIds;
        String scope = " (NOT :scoped OR r.campaign_id = ANY (string_to_array(:ids, ',')::uuid[])) ";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("view", view);
        out.put("by_status", jdbc.sql("SELECT r.status, sum(r.n)::bigint AS n FROM shopper_dashboard_rollup r WHERE" + scope
                        + "GROUP BY r.status HAVING sum(r.n) > 0")
                .param("scoped", scoped).param("ids", ids).query().listOfRows());
        out.put("totals", jdbc.sql("""
                SELECT coalesce(sum(r.n), 0)::bigint AS evaluations, round(sum(r.score_sum) / nullif(sum(r.score_n), 0), 2) AS average_score,
                       coalesce(sum(r.passed_n), 0)::bigint AS passed, coalesce(sum(r.critical_n), 0)::bigint AS critical_failed
                FROM shopper_dashboard_rollup r WHERE""" + scope).param("scoped", scoped).param("ids", ids).query().singleRow());
        out.put("by_zone", jdbc.sql("""
                SELECT r.zone_id, z.name, sum(r.n)::bigint AS evaluations, round(sum(r.score_sum) / nullif(sum(r.score_n), 0), 2) AS average_score
                FROM shopper_dashboard_rollup r JOIN zones z ON z.id = r.zone_id WHERE""" + scope + """
                GROUP BY r.zone_id, z.name HAVING sum(r.n) > 0 ORDER BY average_score NULLS LAST LIMIT 50""")
                .param("scoped", scoped).param("ids", ids).query().listOfRows());
        out.put("by_campaign", jdbc.sql("""
                SELECT r.campaign_id, c.name, sum(r.n)::bigint AS evaluations, round(sum(r.score_sum) / nullif(sum(r.score_n), 0), 2) AS average_score
                FROM shopper_dashboard_rollup r JOIN campaigns c ON c.id = r.campaign_id WHERE""" + scope + """
                GROUP BY r.campaign_id, c.name HAVING sum(r.n) > 0 ORDER BY evaluations DESC LIMIT 50""")
                .param("scoped", scoped).param("ids", ids).query().listOfRows());
        out.put("trends", jdbc.sql(TRENDS.replace("$SCOPE", scope)).param("scoped", scoped).param("ids", ids).query().listOfRows());
        out.put("improvement_areas", jdbc.sql("""
                SELECT r.check_key AS check, sum(r.failed)::bigint AS failed FROM shopper_dashboard_checks r WHERE""" + scope + """
                GROUP BY r.check_key HAVING sum(r.failed) > 0 ORDER BY failed DESC, r.check_key LIMIT 5""")
                .param("scoped", scoped).param("ids", ids).query().listOfRows());
        return out;
    }

    /**
     * Analysed evaluations of the last 26 weeks by week: whole days after the day the window starts from the rollup,
     * that first day's rows after the window's start from the evaluations themselves (the same figures as one
     * aggregate over {@code created_at > now() - 26 weeks}).
     */
    private static final String TRENDS = """
            WITH parts AS (
              SELECT date_trunc('week', r.day) AS week, r.analysed_n AS n, r.ioc_sum, r.ioc_n, r.ird_sum, r.ird_n,
                     r.ces_sum, r.ces_n, r.nps_sum, r.nps_n
              FROM shopper_dashboard_rollup r WHERE $SCOPE AND r.day > date_trunc('day', now() - interval '26 weeks')
              UNION ALL
              SELECT date_trunc('week', r.created_at), 1, x.ioc, (x.ioc IS NOT NULL)::int, x.ird, (x.ird IS NOT NULL)::int,
                     x.ces, (x.ces IS NOT NULL)::int, x.nps, (x.nps IS NOT NULL)::int
              FROM shopper_evaluations r JOIN evaluation_analyses a ON a.evaluation_id = r.id,
                   LATERAL (SELECT (a.operative->>'ioc')::numeric AS ioc, (a.operative->>'ird')::numeric AS ird,
                                   (a.operative->>'ces')::numeric AS ces, (a.executive->>'nps')::numeric AS nps) x
              WHERE $SCOPE AND r.deleted_at IS NULL AND r.created_at > now() - interval '26 weeks'
                AND r.created_at < date_trunc('day', now() - interval '26 weeks') + interval '1 day'
                AND date_trunc('day', r.created_at) = date_trunc('day', now() - interval '26 weeks'))
            SELECT week, sum(n)::bigint AS evaluations, round(sum(ioc_sum) / nullif(sum(ioc_n), 0), 1) AS ioc,
                   round(sum(ird_sum) / nullif(sum(ird_n), 0), 1) AS ird, round(sum(ces_sum) / nullif(sum(ces_n), 0), 1) AS ces,
                   round(sum(nps_sum) / nullif(sum(nps_n), 0), 1) AS nps
            FROM parts GROUP BY week HAVING sum(n) > 0 ORDER BY week""";

    private Map<String, Object> shopper(CurrentUser user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("view", "shopper");
        out.put("by_status", jdbc.sql("""
                SELECT status, count(*) AS n FROM shopper_evaluations WHERE shopper_id = ? AND deleted_at IS NULL GROUP BY status""")
                .param(user.userId()).query().listOfRows());
        out.put("recent", jdbc.sql("""
                SELECT id, campaign_id, zone_id, status, score, created_at FROM shopper_evaluations
                WHERE shopper_id = ? AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 10""")
                .param(user.userId()).query().listOfRows());
        List<Map<String, Object>> pending = new ArrayList<>();
        for (Campaign c : campaigns.visible()) {
            if (c.status() != CampaignStatus.ACTIVE) {
                continue;
            }
            long done = jdbc.sql("SELECT count(*) FROM shopper_evaluations WHERE campaign_id = ? AND shopper_id = ? AND deleted_at IS NULL")
                    .params(c.id(), user.userId()).query(Long.class).single();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("campaign_id", c.id());
            row.put("name", c.name());
            row.put("zone_ids", c.zoneIds());
            row.put("end_date", c.endDate());
            row.put("submitted", done);
            pending.add(row);
        }
        out.put("assignments", pending);
        return out;
    }
}
