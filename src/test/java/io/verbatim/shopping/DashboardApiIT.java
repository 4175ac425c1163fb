package io.verbatim.shopping;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The mystery-shopping dashboard: one endpoint, a view per role, never another company's figures. */
class DashboardApiIT extends PlatformTest {

    static final String T = "demo-tenant";

    @Test
    void eachRoleSeesItsOwnView() {
        String admin = api.token("admin@demo.local");
        String zone = ShoppingFixture.zone(api, admin, "Los Prados");
        String survey = ShoppingFixture.survey(api, admin);
        String shopper = ShoppingFixture.shopper(api, T);
        String manager = ShoppingFixture.manager(api, T);
        String shopperId = ShoppingFixture.userId(api, T, shopper);
        String managed = ShoppingFixture.campaign(api, admin, survey, zone, shopperId, ShoppingFixture.userId(api, T, manager));
        String other = ShoppingFixture.campaign(api, admin, survey, zone, shopperId, null);
        String token = api.token(shopper);
        String e1 = api.post("/api/v1/evaluations", token, ShopperEvaluationApiIT.body(managed, zone, ShopperEvaluationApiIT.GOOD))
                .body().get("id").asString();
        api.post("/api/v1/evaluations", token, ShopperEvaluationApiIT.body(other, zone, ShopperEvaluationApiIT.GOOD));

        JsonNode company = api.get("/api/v1/dashboard", admin).body();
        assertThat(company.get("view").asString()).isEqualTo("company");
        assertThat(company.get("totals").get("evaluations").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(company.get("by_zone").toString()).contains(zone);
        assertThat(company.get("by_campaign").toString()).contains(managed).contains(other);
        assertThat(company.has("trends")).isTrue();
        assertThat(company.has("improvement_areas")).isTrue();
        assertThat(api.get("/api/v1/dashboard", api.token("exec@demo.local")).body().get("view").asString()).isEqualTo("company");

        JsonNode mine = api.get("/api/v1/dashboard", api.token(manager)).body();
        assertThat(mine.get("view").asString()).isEqualTo("manager");
        assertThat(mine.get("totals").get("evaluations").asInt()).isEqualTo(1);
        assertThat(mine.get("by_campaign").toString()).contains(managed).doesNotContain(other);

        JsonNode own = api.get("/api/v1/dashboard", token).body();
        assertThat(own.get("view").asString()).isEqualTo("shopper");
        assertThat(own.get("recent").toString()).contains(e1);
        assertThat(own.get("assignments").toString()).contains(managed).contains(other);
        ApiClient.Response otherShopper = api.get("/api/v1/dashboard", api.token(ShoppingFixture.shopper(api, T)));
        assertThat(otherShopper.raw()).doesNotContain(e1).doesNotContain(managed);

        ApiClient.Response acme = api.get("/api/v1/dashboard", api.token("admin@acme.local"));
        assertThat(acme.body().get("view").asString()).isEqualTo("company");
        assertThat(acme.raw()).doesNotContain(zone).doesNotContain(managed);

        JsonNode platform = api.get("/api/v1/dashboard", api.token("root@verbatim.local")).body();
        assertThat(platform.get("view").asString()).isEqualTo("platform");
        assertThat(platform.get("companies").toString()).contains("demo-tenant").contains("acme");
    }
}
