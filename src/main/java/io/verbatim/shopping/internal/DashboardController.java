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
 * assignments. Figures come from SQL aggregates over indexed columns, never from loading evaluations.
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

    /** The company's figures, or a manager's ({@code campaignIds} comma-separated; null = all campaigns). */
    private Map<String, Object> company(String view, String campaignIds) {
        boolean scoped = campaignIds != null;
        String ids = campaignIds == null ? "" : campaignIds;
        String scope = " e.deleted_at IS NULL AND (NOT :scoped OR e.campaign_id = ANY (string_to_array(:ids, ',')::uuid[])) ";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("view", view);
        out.put("by_status", jdbc.sql("SELECT e.status, count(*) AS n FROM shopper_evaluations e WHERE" + scope + "GROUP BY e.status")
                .param("scoped", scoped).param("ids", ids).query().listOfRows());
        out.put("totals", jdbc.sql("""
                SELECT count(*) AS evaluations, round(avg(e.score), 2) AS average_score, count(*) FILTER (WHERE e.passed) AS passed,
                       count(*) FILTER (WHERE e.critical_failed) AS critical_failed
                FROM shopper_evaluations e WHERE""" + scope).param("scoped", scoped).param("ids", ids).query().singleRow());
        out.put("by_zone", jdbc.sql("""
                SELECT e.zone_id, z.name, count(*) AS evaluations, round(avg(e.score), 2) AS average_score
                FROM shopper_evaluations e JOIN zones z ON z.id = e.zone_id WHERE""" + scope + """
                GROUP BY e.zone_id, z.name ORDER BY average_score NULLS LAST LIMIT 50""")
                .param("scoped", scoped).param("ids", ids).query().listOfRows());
        out.put("by_campaign", jdbc.sql("""
                SELECT e.campaign_id, c.name, count(*) AS evaluations, round(avg(e.score), 2) AS average_score
                FROM shopper_evaluations e JOIN campaigns c ON c.id = e.campaign_id WHERE""" + scope + """
                GROUP BY e.campaign_id, c.name ORDER BY evaluations DESC LIMIT 50""")
                .param("scoped", scoped).param("ids", ids).query().listOfRows());
        out.put("trends", jdbc.sql("""
                SELECT date_trunc('week', e.created_at) AS week, count(*) AS evaluations,
                       round(avg((a.operative->>'ioc')::numeric), 1) AS ioc, round(avg((a.operative->>'ird')::numeric), 1) AS ird,
                       round(avg((a.operative->>'ces')::numeric), 1) AS ces, round(avg((a.executive->>'nps')::numeric), 1) AS nps
                FROM shopper_evaluations e JOIN evaluation_analyses a ON a.evaluation_id = e.id WHERE""" + scope + """
                  AND e.created_at > now() - interval '26 weeks'
                GROUP BY 1 ORDER BY 1""").param("scoped", scoped).param("ids", ids).query().listOfRows());
        out.put("improvement_areas", jdbc.sql("""
                SELECT c.key AS check, count(*) AS failed
                FROM shopper_evaluations e JOIN evaluation_analyses a ON a.evaluation_id = e.id,
                     jsonb_each(a.operative->'checks') c
                WHERE""" + scope + """
                  AND (c.value->>'passed')::boolean = false
                GROUP BY c.key ORDER BY failed DESC, c.key LIMIT 5""").param("scoped", scoped).param("ids", ids).query().listOfRows());
        return out;
    }

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
