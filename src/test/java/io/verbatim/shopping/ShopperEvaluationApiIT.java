package io.verbatim.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Shopper evaluations over the API: submitted by assigned shoppers, scored from the survey, seen by role and tenant. */
class ShopperEvaluationApiIT extends PlatformTest {

    static final String T = "demo-tenant";
    static final String GOOD = """
            {"saludo": true, "amabilidad": 4, "oferta": "parcial", "extras": ["cafe"], "cierre": true}""";

    String admin;
    String zone;
    String campaign;
    String shopper;
    String manager;

    @BeforeEach
    void campaign() {
        admin = api.token("admin@demo.local");
        zone = ShoppingFixture.zone(api, admin, "Piantini");
        shopper = ShoppingFixture.shopper(api, T);
        manager = ShoppingFixture.manager(api, T);
        campaign = ShoppingFixture.campaign(api, admin, ShoppingFixture.survey(api, admin), zone,
                ShoppingFixture.userId(api, T, shopper), ShoppingFixture.userId(api, T, manager));
    }

    static String body(String campaign, String zone, String answers) {
        return """
                {"campaign_id": "%s", "zone_id": "%s", "answers": %s, "check_in_at": "2026-12-05T14:30:00Z",
                 "geolocation": {"lat": 18.4719, "lng": -69.9398}}""".formatted(campaign, zone, answers);
    }

    @Test
    void aShopperSubmitsAScoredEvaluationThatOnlyTheRightPeopleSee() {
        String token = api.token(shopper);
        ApiClient.Response created = api.post("/api/v1/evaluations", token, body(campaign, zone, GOOD));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode e = created.body();
        String id = e.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/evaluations/" + id);
        assertThat(e.get("score").asDouble()).isEqualTo(79.17);
        assertThat(e.get("passed").asBoolean()).isFalse(); // under the campaign's target of 80
        assertThat(e.get("critical_failed").asBoolean()).isFalse();
        assertThat(e.get("status").asString()).isEqualTo("pending");
        assertThat(e.get("survey_version").asInt()).isEqualTo(1);
        assertThat(e.get("geolocation").get("lat").asDouble()).isEqualTo(18.4719);
        assertThat(e.get("check_in_at").asString()).isEqualTo("2026-12-05T14:30:00Z");
        assertThat(e.get("language").asString()).isEqualTo("es");

        ApiClient.Response critical = api.post("/api/v1/evaluations", token, body(campaign, zone, """
                {"saludo": false, "amabilidad": 5, "oferta": "si", "extras": ["cafe", "folleto"], "cierre": true}"""));
        assertThat(critical.body().get("critical_failed").asBoolean()).isTrue();
        assertThat(critical.body().get("passed").asBoolean()).isFalse();

        // who sees it
        for (String reader : new String[] {shopper, manager, "admin@demo.local", "exec@demo.local"}) {
            String t = api.token(reader);
            assertThat(api.get("/api/v1/evaluations/" + id, t).status()).as(reader).isEqualTo(200);
            assertThat(api.get("/api/v1/evaluations", t).raw()).as(reader).contains(id);
        }
        String otherShopper = ShoppingFixture.shopper(api, T);
        String otherManager = ShoppingFixture.manager(api, T);
        for (String outsider : new String[] {otherShopper, otherManager, "csr1@demo.local"}) {
            String t = api.token(outsider);
            assertThat(api.get("/api/v1/evaluations/" + id, t).status()).as(outsider).isEqualTo(404);
            assertThat(api.get("/api/v1/evaluations", t).raw()).as(outsider).doesNotContain(id);
        }
        String acme = api.token("admin@acme.local");
        assertThat(api.get("/api/v1/evaluations/" + id, acme).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/evaluations", acme).raw()).doesNotContain(id);
        assertThat(api.delete("/api/v1/evaluations/" + id, acme).status()).isEqualTo(404);

        // who may submit
        assertThat(api.post("/api/v1/evaluations", api.token(otherShopper), body(campaign, zone, GOOD)).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/evaluations", api.token(manager), body(campaign, zone, GOOD)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/evaluations", admin, body(campaign, zone, GOOD)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/evaluations", acme, body(campaign, zone, GOOD)).status()).isEqualTo(403);

        // answers must fit the survey; the zone must be the campaign's
        ApiClient.Response missing = api.post("/api/v1/evaluations", token, body(campaign, zone, "{\"amabilidad\": 2}"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.problemType()).isEqualTo("urn:verbatim:problem:invalid-answers");
        assertThat(missing.raw()).contains("saludo").contains("por_que");
        assertThat(api.post("/api/v1/evaluations", token, body(campaign, ShoppingFixture.zone(api, admin, "Otra"), GOOD)).problemType())
                .isEqualTo("urn:verbatim:problem:zone-not-in-campaign");

        // progress against goals
        JsonNode progress = api.get("/api/v1/campaigns/" + campaign + "/progress", api.token(manager)).body();
        assertThat(progress.get("evaluations").asInt()).isEqualTo(2);
        assertThat(progress.get("goal").asInt()).isEqualTo(4);
        assertThat(progress.get("zones").get(0).get("evaluations").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/progress", api.token(otherManager)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/campaigns/" + campaign + "/progress", acme).status()).isEqualTo(404);

        // soft delete and restore (admins)
        assertThat(api.delete("/api/v1/evaluations/" + id, token).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/evaluations/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/evaluations/" + id, token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/evaluations?deleted=true", admin).raw()).contains(id);
        assertThat(api.post("/api/v1/evaluations/" + id + "/restore", admin, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/evaluations/" + id, token).status()).isEqualTo(200);
    }

    @Test
    void aCompanyNotInGoodStandingTakesNoEvaluations() {
        String adminEmail = "ana-" + UUID.randomUUID() + "@suspendida.do";
        String companyId = ShoppingFixture.company(api, "Suspendida " + UUID.randomUUID().toString().substring(0, 6),
                adminEmail).body().get("id").asString();
        String companyAdmin = api.token(adminEmail);
        String z = ShoppingFixture.zone(api, companyAdmin, "Santiago");
        String s = ShoppingFixture.shopper(api, adminEmail);
        String c = ShoppingFixture.campaign(api, companyAdmin, ShoppingFixture.survey(api, companyAdmin), z,
                ShoppingFixture.userId(api, adminEmail, s), null);
        String token = api.token(s);
        String first = api.post("/api/v1/evaluations", token, body(c, z, GOOD)).body().get("id").asString();

        api.patch("/api/v1/companies/" + companyId, api.token("root@verbatim.local"), "{\"subscription_status\": \"suspended\"}");
        ApiClient.Response refused = api.post("/api/v1/evaluations", token, body(c, z, GOOD));
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.problemType()).isEqualTo("urn:verbatim:problem:subscription-inactive");
        assertThat(api.send("POST", "/api/v1/evaluations/" + first + "/uploads", token,
                Map.of("Tus-Resumable", "1.0.0", "Upload-Length", "10"), null).status()).isEqualTo(402);
        assertThat(api.get("/api/v1/evaluations/" + first, token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/evaluations", companyAdmin).raw()).contains(first);
    }
}
