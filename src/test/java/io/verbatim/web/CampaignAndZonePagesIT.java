package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The campaign form and the zones page, rendered by the server: admins create and change through them (the same
 * checks as the API, refusals shown on the form in the page's language), managers and shoppers cannot, and nothing
 * of another company is reachable.
 */
class CampaignAndZonePagesIT extends PlatformTest {

    static final String T = "demo-tenant";
    String admin;
    String survey;
    String zone;
    String shopperId;
    String managerId;

    @BeforeEach
    void company() {
        admin = api.token("admin@demo.local");
        survey = ShoppingFixture.survey(api, admin);
        zone = ShoppingFixture.zone(api, admin, "Zona Form");
        shopperId = ShoppingFixture.userId(api, T, ShoppingFixture.shopper(api, T));
        managerId = ShoppingFixture.userId(api, T, ShoppingFixture.manager(api, T));
    }

    static String form(String... pairs) {
        return Stream.iterate(0, i -> i < pairs.length, i -> i + 2)
                .map(i -> URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    ApiClient.Response post(String path, String token, String body, String language) {
        return api.send("POST", path, token, Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html",
                "Accept-Language", language), body);
    }

    private JsonNode campaignNamed(String name, String token) {
        for (JsonNode c : api.get("/api/v1/campaigns", token).body().get("items")) {
            if (c.get("name").asString().equals(name)) {
                return c;
            }
        }
        return null;
    }

    @Test
    void anAdminCreatesAndEditsACampaignThroughTheFormAndSeesWhatIsRefused() {
        var empty = ShoppingPagesIT.page(api, "/shopping/campaigns/new", admin, "es-DO");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.raw()).contains("Nueva campaña", "name=\"surveyId\"", survey, zone, shopperId, managerId, "Metas")
                .doesNotContain("<script>");

        String name = "Campaña formulario " + UUID.randomUUID();
        var refused = post("/shopping/campaigns", admin, form("name", name, "status", "active", "surveyId", survey,
                "startDate", "2026-12-10", "endDate", "2026-12-01", "zoneIds", zone, "goalTotal", "diez", "targetScore", "120"), "es-DO");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.raw()).contains("id=\"campaign-errors\"", "La fecha de fin es anterior a la de inicio.",
                "Las metas son números enteros", "La puntuación objetivo está entre 0 y 100.", name);
        assertThat(campaignNamed(name, admin)).isNull();
        assertThat(post("/shopping/campaigns", admin, form("name", " ", "status", "draft"), "en").raw())
                .contains("The campaign needs a name.", "Choose the survey.");

        var created = post("/shopping/campaigns", admin, form("name", name, "description", "Sucursales del centro", "status", "active",
                "surveyId", survey, "startDate", "2026-12-01", "endDate", "2026-12-31", "zoneIds", zone, "shopperIds", shopperId,
                "managerIds", managerId, "goalTotal", "10", "goalPerZone", "5", "targetScore", "85"), "es-DO");
        assertThat(created.status()).as(created.raw()).isEqualTo(302);
        assertThat(created.header("Location")).endsWith("/shopping/campaigns");
        JsonNode c = campaignNamed(name, admin);
        assertThat(c).isNotNull();
        assertThat(c.get("status").asString()).isEqualTo("active");
        assertThat(c.get("zone_ids").toString()).contains(zone);
        assertThat(c.get("shopper_ids").toString()).contains(shopperId);
        assertThat(c.get("manager_ids").toString()).contains(managerId);
        assertThat(c.at("/goals/total").asInt()).isEqualTo(10);
        assertThat(c.at("/goals/target_score").asDouble()).isEqualTo(85.0);
        String id = c.get("id").asString();

        var edit = ShoppingPagesIT.page(api, "/shopping/campaigns/" + id + "/edit", admin, "en");
        assertThat(edit.raw()).contains("Edit campaign", "value=\"" + name + "\"", "2026-12-31", "value=\"85\"");
        // Unticking the manager removes them; the form sends every field.
        var changed = post("/shopping/campaigns/" + id, admin, form("name", name + " (2)", "status", "closed", "surveyId", survey,
                "startDate", "2026-12-01", "endDate", "2026-12-31", "zoneIds", zone, "shopperIds", shopperId, "goalTotal", "12"), "en");
        assertThat(changed.status()).isEqualTo(302);
        JsonNode after = api.get("/api/v1/campaigns/" + id, admin).body();
        assertThat(after.get("name").asString()).isEqualTo(name + " (2)");
        assertThat(after.get("status").asString()).isEqualTo("closed");
        assertThat(after.get("manager_ids").size()).isZero();
        assertThat(ShoppingPagesIT.page(api, "/shopping/campaigns", admin, "en").raw()).contains("id=\"new-campaign\"",
                "/shopping/campaigns/" + id + "/edit");
    }

    @Test
    void managersShoppersAndOtherCompaniesCannotUseTheCampaignForm() {
        String campaign = ShoppingFixture.campaign(api, admin, survey, zone, shopperId, managerId);
        String body = form("name", "Hijacked", "status", "draft", "surveyId", survey);
        for (String who : new String[] {ShoppingFixture.manager(api, T), ShoppingFixture.shopper(api, T)}) {
            String token = api.token(who);
            assertThat(ShoppingPagesIT.page(api, "/shopping/campaigns/new", token, "en").status()).as(who).isEqualTo(403);
            assertThat(post("/shopping/campaigns", token, body, "en").status()).as(who).isEqualTo(403);
            assertThat(post("/shopping/campaigns/" + campaign, token, body, "en").status()).as(who).isEqualTo(403);
            assertThat(ShoppingPagesIT.page(api, "/shopping/campaigns", token, "en").raw()).doesNotContain("id=\"new-campaign\"");
        }
        String acme = api.token("admin@acme.local");
        assertThat(ShoppingPagesIT.page(api, "/shopping/campaigns/" + campaign + "/edit", acme, "en").status()).isEqualTo(404);
        assertThat(post("/shopping/campaigns/" + campaign, acme, body, "en").status()).isEqualTo(404);
        // The other company's form lists none of this company's surveys, zones or people.
        assertThat(ShoppingPagesIT.page(api, "/shopping/campaigns/new", acme, "en").raw()).doesNotContain(survey, zone, shopperId, managerId);
        assertThat(api.get("/api/v1/campaigns/" + campaign, admin).body().get("name").asString()).doesNotContain("Hijacked");
    }

    @Test
    void anAdminManagesZonesOthersOnlyReadThem() {
        String name = "Zona página " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/shopping/zones", admin, form("name", name, "country", "XX", "state", "", "city", "Nada"), "es-DO").raw())
                .contains("id=\"zone-errors\"", "El país es un código ISO 3166-1", name);
        assertThat(post("/shopping/zones", admin, form("name", name, "country", "DO", "state", "DO-25", "city", "Santiago"), "es-DO")
                .status()).isEqualTo(302);
        JsonNode created = zoneNamed(name, false);
        assertThat(created.get("state").asString()).isEqualTo("DO-25");
        String id = created.get("id").asString();
        var page = ShoppingPagesIT.page(api, "/shopping/zones", admin, "es-DO");
        assertThat(page.raw()).contains("Zonas", "value=\"" + name + "\"", "id=\"zone-new\"");

        assertThat(post("/shopping/zones/" + id, admin, form("name", name + " Centro", "country", "DO", "state", "DO-25", "city", "Santiago"),
                "en").status()).isEqualTo(302);
        assertThat(zoneNamed(name + " Centro", false)).isNotNull();
        assertThat(post("/shopping/zones/" + id + "/delete", admin, "", "en").status()).isEqualTo(302);
        assertThat(zoneNamed(name + " Centro", false)).isNull();
        assertThat(ShoppingPagesIT.page(api, "/shopping/zones", admin, "en").raw()).contains("Deleted zones", name + " Centro");

        // A manager reads the zones but has no forms and cannot change, delete or restore.
        String manager = api.token(ShoppingFixture.manager(api, T));
        var read = ShoppingPagesIT.page(api, "/shopping/zones", manager, "en");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.raw()).contains(api.get("/api/v1/zones/" + zone, admin).body().get("name").asString()).doesNotContain("id=\"zone-new\"",
                "Deleted zones", name + " Centro");
        assertThat(post("/shopping/zones/" + id + "/restore", manager, "", "en").status()).isEqualTo(403);
        assertThat(post("/shopping/zones", manager, form("name", "x", "country", "DO"), "en").status()).isEqualTo(403);
        // Another company neither sees nor touches it.
        String acme = api.token("admin@acme.local");
        assertThat(ShoppingPagesIT.page(api, "/shopping/zones", acme, "en").raw()).doesNotContain(name);
        assertThat(post("/shopping/zones/" + id + "/restore", acme, "", "en").status()).isEqualTo(404);
        assertThat(post("/shopping/zones/" + zone, acme, form("name", "robada", "country", "DO"), "en").status()).isEqualTo(404);

        assertThat(post("/shopping/zones/" + id + "/restore", admin, "", "en").status()).isEqualTo(302);
        assertThat(zoneNamed(name + " Centro", false)).isNotNull();
    }

    private JsonNode zoneNamed(String name, boolean deleted) {
        for (JsonNode z : api.get("/api/v1/zones?deleted=" + deleted, admin).body().get("items")) {
            if (z.get("name").asString().equals(name)) {
                return z;
            }
        }
        return null;
    }
}
