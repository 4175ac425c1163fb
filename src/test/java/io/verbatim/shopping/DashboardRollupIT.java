package io.verbatim.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's rollups (V40, kept by triggers) against a fresh aggregate over the evaluations themselves: after
 * inserts, score and status changes, moves between campaigns, soft deletes and restores, analyses added, replaced and
 * removed, and hard deletes, in two companies, the rollup rows and every dashboard figure equal what the aggregate
 * queries the dashboard used before compute from scratch, for the company view and a manager's.
 */
class DashboardRollupIT extends PlatformTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JsonMapper json;

    private final Random random = new Random(15);

    record Company(TenantId tenant, String admin, String managerEmail, List<UUID> campaigns, List<UUID> zones, UUID shopper,
                   UUID survey) {
    }

    @Test
    void rollupsEqualAFreshAggregateAfterEveryKindOfWrite() {
        Company demo = company("demo-tenant");
        Company acme = company("acme");
        for (Company c : List.of(demo, acme)) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                ids.add(insert(c, i));
            }
            inTenant(c.tenant(), () -> {
                for (int i = 0; i < ids.size(); i++) {
                    UUID id = ids.get(i);
                    switch (i % 9) {
                        case 0 -> jdbc.sql("UPDATE shopper_evaluations SET score = ?, passed = ? WHERE id = ?")
                                .params(score(), random.nextBoolean(), id).update();
                        case 1 -> jdbc.sql("UPDATE shopper_evaluations SET status = 'failed' WHERE id = ?").param(id).update();
                        case 2 -> jdbc.sql("UPDATE shopper_evaluations SET deleted_at = now() WHERE id = ?").param(id).update();
                        case 3 -> {
                            jdbc.sql("UPDATE shopper_evaluations SET deleted_at = now() WHERE id = ?").param(id).update();
                            jdbc.sql("UPDATE shopper_evaluations SET deleted_at = NULL, score = NULL WHERE id = ?").param(id).update();
                        }
                        case 4 -> jdbc.sql("DELETE FROM evaluation_analyses WHERE evaluation_id = ?").param(id).update();
                        case 5 -> jdbc.sql("UPDATE evaluation_analyses SET operative = ?::jsonb, executive = '{\"nps\": 9}' WHERE evaluation_id = ?")
                                .params(operative(), id).update();
                        case 6 -> {
                            jdbc.sql("DELETE FROM evaluation_analyses WHERE evaluation_id = ?").param(id).update();
                            jdbc.sql("DELETE FROM shopper_evaluations WHERE id = ?").param(id).update();
                        }
                        case 7 -> jdbc.sql("UPDATE shopper_evaluations SET campaign_id = ?, zone_id = ?, updated_at = now() WHERE id = ?")
                                .params(c.campaigns().get(1), c.zones().get(1), id).update();
                        default -> jdbc.sql("UPDATE shopper_evaluations SET updated_at = now() WHERE id = ?").param(id).update();
                    }
                }
                return null;
            });
        }
        for (Company c : List.of(demo, acme)) {
            assertRollupsEqualFreshAggregate(c.tenant());
            assertDashboardEqualsFresh(c, api.token(c.admin()), null);
            assertDashboardEqualsFresh(c, api.token(c.managerEmail()), c.campaigns().get(0).toString());
        }
        JsonNode acmeView = api.get("/api/v1/dashboard", api.token(acme.admin())).body();
        assertThat(acmeView.toString()).doesNotContain(demo.campaigns().get(0).toString()).doesNotContain(demo.zones().get(0).toString());
    }

    private Company company(String tenant) {
        String admin = ShoppingFixture.adminOf(tenant);
        String token = api.token(admin);
        String survey = ShoppingFixture.survey(api, token);
        String z1 = ShoppingFixture.zone(api, token, "Rollup Norte " + UUID.randomUUID().toString().substring(0, 6));
        String z2 = ShoppingFixture.zone(api, token, "Rollup Sur " + UUID.randomUUID().toString().substring(0, 6));
        String shopper = ShoppingFixture.shopper(api, tenant);
        String shopperId = ShoppingFixture.userId(api, tenant, shopper);
        String manager = ShoppingFixture.manager(api, tenant);
        String c1 = ShoppingFixture.campaign(api, token, survey, z1, shopperId, ShoppingFixture.userId(api, tenant, manager));
        String c2 = ShoppingFixture.campaign(api, token, survey, z2, shopperId, null);
        return new Company(new TenantId(tenant), admin, manager, List.of(UUID.fromString(c1), UUID.fromString(c2)),
                List.of(UUID.fromString(z1), UUID.fromString(z2)), UUID.fromString(shopperId), UUID.fromString(survey));
    }

    /** An evaluation over the last 200 days (some around the trend window's start), four of five with an analysis. */
    private UUID insert(Company c, int i) {
        UUID id = UUID.randomUUID();
        String age = switch (i % 6) {
            case 0 -> "interval '26 weeks' - interval '1 hour'";
            case 1 -> "interval '26 weeks' + interval '1 hour'";
            case 2 -> "(now() - date_trunc('day', now() - interval '26 weeks')) - interval '1 minute'";
            default -> "interval '1 day' * " + random.nextInt(200) + " + interval '1 minute' * " + random.nextInt(1440);
        };
        inTenant(c.tenant(), () -> {
            jdbc.sql("""
                    INSERT INTO shopper_evaluations (id, tenant_id, campaign_id, zone_id, shopper_id, survey_id, survey_version, score,
                        passed, critical_failed, status, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, now() - (%s))""".formatted(age))
                    .params(id, c.tenant().value(), c.campaigns().get(i % 2), c.zones().get(i % 2), c.shopper(), c.survey(),
                            i % 7 == 0 ? null : score(), random.nextBoolean(), i % 11 == 0, i % 3 == 0 ? "pending" : "completed")
                    .update();
            if (i % 5 != 0) {
                jdbc.sql("""
                        INSERT INTO evaluation_analyses (tenant_id, evaluation_id, conversation_id, language, executive, operative)
                        VALUES (?, ?, ?, 'es', ?::jsonb, ?::jsonb)""")
                        .params(c.tenant().value(), id, UUID.randomUUID(), "{\"nps\": " + random.nextInt(11) + "}", operative()).update();
            }
            return null;
        });
        return id;
    }

    private java.math.BigDecimal score() {
        return java.math.BigDecimal.valueOf(4000 + random.nextInt(6001), 2);
    }

    private String operative() {
        StringBuilder checks = new StringBuilder();
        for (String k : List.of("greeting", "identification", "offer", "closure", "value_added")) {
            checks.append(checks.isEmpty() ? "" : ", ").append('"').append(k).append("\": {\"passed\": ").append(random.nextBoolean()).append('}');
        }
        String ioc = random.nextInt(10) == 0 ? "" : "\"ioc\": " + random.nextInt(101) + ".5, ";
        return "{" + ioc + "\"ird\": " + random.nextInt(101) + ", \"ces\": " + random.nextInt(101) + ", \"checks\": {" + checks + "}}";
    }

    private void assertRollupsEqualFreshAggregate(TenantId tenant) {
        String fresh = """
                SELECT e.tenant_id, e.campaign_id, e.zone_id, e.status, date_trunc('day', e.created_at) AS day, count(*) AS n,
                       coalesce(sum(e.score), 0) AS score_sum, count(e.score) AS score_n, count(*) FILTER (WHERE e.passed) AS passed_n,
                       count(*) FILTER (WHERE e.critical_failed) AS critical_n, count(a.evaluation_id) AS analysed_n,
                       coalesce(sum((a.operative->>'ioc')::numeric), 0) AS ioc_sum, count((a.operative->>'ioc')::numeric) AS ioc_n,
                       coalesce(sum((a.operative->>'ird')::numeric), 0) AS ird_sum, count((a.operative->>'ird')::numeric) AS ird_n,
                       coalesce(sum((a.operative->>'ces')::numeric), 0) AS ces_sum, count((a.operative->>'ces')::numeric) AS ces_n,
                       coalesce(sum((a.executive->>'nps')::numeric), 0) AS nps_sum, count((a.executive->>'nps')::numeric) AS nps_n
                FROM shopper_evaluations e LEFT JOIN evaluation_analyses a ON a.evaluation_id = e.id
                WHERE e.deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5""";
        String rollup = """
                SELECT tenant_id, campaign_id, zone_id, status, day, n, score_sum, score_n, passed_n, critical_n, analysed_n,
                       ioc_sum, ioc_n, ird_sum, ird_n, ces_sum, ces_n, nps_sum, nps_n FROM shopper_dashboard_rollup""";
        String freshChecks = """
                SELECT e.tenant_id, e.campaign_id, k.key AS check_key, count(*) AS failed
                FROM shopper_evaluations e JOIN evaluation_analyses a ON a.evaluation_id = e.id, jsonb_each(a.operative->'checks') k
                WHERE e.deleted_at IS NULL AND (k.value->>'passed')::boolean = false GROUP BY 1, 2, 3""";
        String checks = "SELECT tenant_id, campaign_id, check_key, failed FROM shopper_dashboard_checks";
        inTenant(tenant, () -> {
            assertThat(jdbc.sql("SELECT count(*) FROM shopper_dashboard_rollup").query(Long.class).single()).isPositive();
            for (String[] pair : List.of(new String[] {fresh, rollup}, new String[] {rollup, fresh}, new String[] {freshChecks, checks},
                    new String[] {checks, freshChecks})) {
                assertThat(jdbc.sql("(" + pair[0] + ") EXCEPT (" + pair[1] + ")").query().listOfRows()).isEmpty();
            }
            assertThat(jdbc.sql("SELECT count(*) FROM shopper_dashboard_rollup WHERE tenant_id <> ?").param(tenant.value())
                    .query(Long.class).single()).isZero();
            return null;
        });
    }

    /** The endpoint's company figures against the six aggregates the dashboard ran before the rollups. */
    private void assertDashboardEqualsFresh(Company c, String token, String campaignIds) {
        JsonNode view = api.get("/api/v1/dashboard", token).body();
        Map<String, Object> fresh = inTenant(c.tenant(), () -> freshFigures(campaignIds));
        for (Map.Entry<String, Object> e : fresh.entrySet()) {
            JsonNode expected = json.valueToTree(e.getValue());
            JsonNode actual = view.get(e.getKey());
            if (e.getKey().startsWith("by_")) {
                assertThat(sorted(actual)).as(e.getKey()).isEqualTo(sorted(expected));
            } else {
                assertThat(actual.toString()).as(e.getKey()).isEqualTo(expected.toString());
            }
        }
        assertThat(view.get("trends").size()).isPositive();
    }

    private static List<String> sorted(JsonNode array) {
        List<String> rows = new ArrayList<>();
        array.forEach(n -> rows.add(n.toString()));
        rows.sort(null);
        return rows;
    }

    private Map<String, Object> freshFigures(String campaignIds) {
        boolean scoped = campaignIds != null;
        String ids = campaignIds == null ? "" : campaignIds;
        String scope = " e.deleted_at IS NULL AND (NOT :scoped OR e.campaign_id = ANY (string_to_array(:ids, ',')::uuid[])) ";
        Map<String, Object> out = new LinkedHashMap<>();
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

    private <T> T inTenant(TenantId tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> new TransactionTemplate(transactions).execute(tx -> work.get()));
    }
}
