package io.verbatim.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Zones and campaigns over the API: admins write, assigned managers and shoppers read, other companies see nothing. */
class CampaignApiIT extends PlatformTest {

    static final String T = "demo-tenant";

    @Test
    void campaignsAreSeenByAdminsAndByTheManagersAndShoppersAssignedToThem() {
        String admin = api.token("admin@demo.local");
        String zone1 = ShoppingFixture.zone(api, admin, "Santo Domingo Este");
        String zone2 = ShoppingFixture.zone(api, admin, "Naco");
        String survey = ShoppingFixture.survey(api, admin);
        String shopper = ShoppingFixture.shopper(api, T);
        String otherShopper = ShoppingFixture.shopper(api, T);
        String manager = ShoppingFixture.manager(api, T);
        String otherManager = ShoppingFixture.manager(api, T);
        String shopperId = ShoppingFixture.userId(api, T, shopper);
        String managerId = ShoppingFixture.userId(api, T, manager);

        ApiClient.Response created = api.post("/api/v1/campaigns", admin, """
                {"name": "Navidad 2026", "description": "Sucursales del DN", "status": "active", "survey_id": "%s",
                 "start_date": "2026-12-01", "end_date": "2026-12-31", "zone_ids": ["%s", "%s"], "shopper_ids": ["%s"],
                 "manager_ids": ["%s"], "goals": {"total": 20, "per_zone": 10, "target_score": 85}}"""
                .formatted(survey, zone1, zone2, shopperId, managerId));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode c = created.body();
        String id = c.get("id").asString();
        assertThat(c.get("status").asString()).isEqualTo("active");
        assertThat(c.get("zone_ids").size()).isEqualTo(2);
        assertThat(c.get("goals").get("per_zone").asInt()).isEqualTo(10);
        assertThat(c.get("goals").get("target_score").asDouble()).isEqualTo(85.0);
        assertThat(c.get("shopper_ids").get(0).asString()).isEqualTo(shopperId);

        for (String assigned : new String[] {manager, shopper, "exec@demo.local"}) {
            String token = api.token(assigned);
            assertThat(api.get("/api/v1/campaigns/" + id, token).status()).as(assigned).isEqualTo(200);
            assertThat(api.get("/api/v1/campaigns", token).raw()).contains(id);
        }
        for (String outsider : new String[] {otherManager, otherShopper, "csr1@demo.local"}) {
            String token = api.token(outsider);
            assertThat(api.get("/api/v1/campaigns/" + id, token).status()).as(outsider).isEqualTo(404);
            assertThat(api.get("/api/v1/campaigns", token).raw()).doesNotContain(id);
        }
        for (String notAdmin : new String[] {manager, shopper}) {
            String token = api.token(notAdmin);
            assertThat(api.post("/api/v1/campaigns", token, "{\"name\":\"x\",\"survey_id\":\"" + survey + "\"}").status()).isEqualTo(403);
            assertThat(api.patch("/api/v1/campaigns/" + id, token, "{\"name\":\"x\"}").status()).isEqualTo(403);
            assertThat(api.delete("/api/v1/campaigns/" + id, token).status()).isEqualTo(403);
        }
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/campaigns/" + id, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/campaigns", acme).raw()).doesNotContain(id);
        assertThat(api.patch("/api/v1/campaigns/" + id, acme, "{\"name\":\"x\"}").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/campaigns/" + id, acme).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/campaigns/" + id + "/restore", acme, null).status()).isEqualTo(404);
        // acme cannot point a campaign of its own at demo's survey or zones either
        assertThat(api.post("/api/v1/campaigns", acme, "{\"name\":\"x\",\"survey_id\":\"" + survey + "\"}").problemType())
                .isEqualTo("urn:verbatim:problem:unknown-survey");

        // reassigning the other manager: the first one no longer sees it
        String otherManagerId = ShoppingFixture.userId(api, T, otherManager);
        ApiClient.Response patched = api.patch("/api/v1/campaigns/" + id, admin,
                "{\"manager_ids\": [\"" + otherManagerId + "\"], \"status\": \"closed\"}");
        assertThat(patched.body().get("status").asString()).isEqualTo("closed");
        assertThat(patched.body().get("zone_ids").size()).isEqualTo(2);
        assertThat(api.get("/api/v1/campaigns/" + id, api.token(manager)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/campaigns/" + id, api.token(otherManager)).status()).isEqualTo(200);

        // people must fit their role; zones must exist
        assertThat(api.patch("/api/v1/campaigns/" + id, admin, "{\"shopper_ids\": [\"" + managerId + "\"]}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-assignment");
        assertThat(api.patch("/api/v1/campaigns/" + id, admin, "{\"zone_ids\": [\"" + UUID.randomUUID() + "\"]}").problemType())
                .isEqualTo("urn:verbatim:problem:unknown-zone");

        assertThat(api.delete("/api/v1/campaigns/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/campaigns/" + id, admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/campaigns?deleted=true", admin).raw()).contains(id);
        assertThat(api.get("/api/v1/campaigns?deleted=true", api.token(shopper)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/campaigns/" + id + "/restore", admin, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/campaigns/" + id, admin).status()).isEqualTo(200);
    }

    @Test
    void zonesUseIsoCodesAndBelongToTheirCompany() {
        String admin = api.token("admin@demo.local");
        ApiClient.Response z = api.post("/api/v1/zones", admin,
                "{\"name\": \"Santiago " + UUID.randomUUID() + "\", \"country\": \"do\", \"state\": \"do-25\", \"city\": \"Santiago de los Caballeros\"}");
        assertThat(z.status()).as(z.raw()).isEqualTo(201);
        assertThat(z.body().get("country").asString()).isEqualTo("DO");
        assertThat(z.body().get("state").asString()).isEqualTo("DO-25");
        String id = z.body().get("id").asString();
        assertThat(api.post("/api/v1/zones", admin, "{\"name\": \"x\", \"country\": \"ZZ\"}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-country");
        assertThat(api.post("/api/v1/zones", admin, "{\"name\": \"x\", \"country\": \"DO\", \"state\": \"PR-01\"}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-state");
        assertThat(api.post("/api/v1/zones", admin, "{\"name\": \"" + z.body().get("name").asString() + "\", \"country\": \"DO\"}").status())
                .isEqualTo(409);

        String shopper = ShoppingFixture.shopper(api, T);
        String shopperId = ShoppingFixture.userId(api, T, shopper);
        assertThat(api.put("/api/v1/zones/" + id + "/members", admin, "{\"user_ids\": [\"" + shopperId + "\"]}").body()
                .get("user_ids").get(0).asString()).isEqualTo(shopperId);
        String shopperToken = api.token(shopper);
        assertThat(api.get("/api/v1/zones", shopperToken).raw()).contains(id);
        assertThat(api.post("/api/v1/zones", shopperToken, "{\"name\": \"x\", \"country\": \"DO\"}").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/zones/" + id + "/members", shopperToken).status()).isEqualTo(403);

        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/zones/" + id, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/zones", acme).raw()).doesNotContain(id);
        assertThat(api.patch("/api/v1/zones/" + id, acme, "{\"city\": \"x\"}").status()).isEqualTo(404);
        assertThat(api.put("/api/v1/zones/" + id + "/members", acme, "{\"user_ids\": []}").status()).isEqualTo(404);

        assertThat(api.delete("/api/v1/zones/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/zones", admin).raw()).doesNotContain(id);
        assertThat(api.post("/api/v1/zones/" + id + "/restore", admin, null).body().get("city").asString())
                .isEqualTo("Santiago de los Caballeros");
    }

    @Test
    void aCompanyNotInGoodStandingCreatesNoCampaignButStillReads() {
        String adminEmail = "ana-" + UUID.randomUUID() + "@moroso.do";
        ApiClient.Response company = ShoppingFixture.company(api, "Moroso " + UUID.randomUUID().toString().substring(0, 6), adminEmail);
        String companyId = company.body().get("id").asString();
        String admin = api.token(adminEmail);
        String survey = ShoppingFixture.survey(api, admin);
        String body = "{\"name\": \"Enero\", \"survey_id\": \"" + survey + "\"}";
        String first = api.post("/api/v1/campaigns", admin, body).body().get("id").asString();

        String root = api.token("root@verbatim.local");
        api.patch("/api/v1/companies/" + companyId, root, "{\"subscription_status\": \"past_due\"}");
        ApiClient.Response refused = api.post("/api/v1/campaigns", admin, body);
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.problemType()).isEqualTo("urn:verbatim:problem:subscription-inactive");
        assertThat(api.get("/api/v1/campaigns", admin).raw()).contains(first);
        assertThat(api.get("/api/v1/surveys/" + survey, admin).status()).isEqualTo(200);
        // the platform admin acting in the company is not blocked
        ApiClient.Response byRoot = api.send("POST", "/api/v1/campaigns", root, Map.of("X-Verbatim-Tenant", companyId), body);
        assertThat(byRoot.status()).as(byRoot.raw()).isEqualTo(201);

        api.patch("/api/v1/companies/" + companyId, root, "{\"subscription_status\": \"active\"}");
        assertThat(api.post("/api/v1/campaigns", admin, body).status()).isEqualTo(201);
    }
}
