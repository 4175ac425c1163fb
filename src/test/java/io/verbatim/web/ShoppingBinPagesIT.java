package io.verbatim.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Soft delete and restore of campaigns, surveys and evaluations on the pages, with the API's roles: an admin confirms a
 * delete on its own page, finds the thing under "Show deleted" and restores it, both audited as through the API; other
 * roles get 403 and see no delete or restore; another company's id is 404 and changes nothing.
 */
class ShoppingBinPagesIT extends PlatformTest {

    static final String T = "demo-tenant";
    String admin;
    String shopper;
    String manager;
    String survey;
    String campaign;
    String evaluation;

    /** A thing with delete / restore on the pages: its page path, its API path and its audit name. */
    record Thing(String pages, String api, String audit, String id, String listPage) {
    }

    @BeforeEach
    void data() {
        admin = api.token(ShoppingFixture.adminOf(T));
        String zone = ShoppingFixture.zone(api, admin, "Zona Papelera");
        String shopperEmail = ShoppingFixture.shopper(api, T);
        String managerEmail = ShoppingFixture.manager(api, T);
        survey = ShoppingFixture.survey(api, admin);
        campaign = ShoppingFixture.campaign(api, admin, survey, zone, ShoppingFixture.userId(api, T, shopperEmail),
                ShoppingFixture.userId(api, T, managerEmail));
        shopper = api.token(shopperEmail);
        manager = api.token(managerEmail);
        evaluation = ShoppingFixture.evaluation(api, shopper, campaign, zone);
    }

    List<Thing> things() {
        return List.of(new Thing("/shopping/evaluations/", "/api/v1/evaluations/", "evaluation", evaluation, "/shopping/evaluations"),
                new Thing("/shopping/campaigns/", "/api/v1/campaigns/", "campaign", campaign, "/shopping/campaigns"),
                new Thing("/shopping/surveys/", "/api/v1/surveys/", "survey", survey, "/shopping/surveys"));
    }

    ApiClient.Response page(String path, String token) {
        return ShoppingPagesIT.page(api, path, token, "en");
    }

    ApiClient.Response post(String path, String token) {
        return api.send("POST", path, token, Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"), "");
    }

    @Test
    void anAdminDeletesAfterConfirmingAndRestoresFromTheDeletedView() {
        for (Thing t : things()) {
            assertThat(page(t.listPage(), admin).raw()).as(t.audit())
                    .contains("href=\"" + t.pages() + t.id() + "/delete\"", "href=\"" + t.pages() + "deleted\"");
            var confirm = page(t.pages() + t.id() + "/delete", admin);
            assertThat(confirm.status()).as(t.audit()).isEqualTo(200);
            assertThat(confirm.raw()).contains("id=\"confirm-delete-button\"", "action=\"" + t.pages() + t.id() + "/delete\"");
            // Opening the confirmation changes nothing.
            assertThat(api.get(t.api() + t.id(), admin).status()).isEqualTo(200);

            var deleted = post(t.pages() + t.id() + "/delete", admin);
            assertThat(deleted.status()).as(deleted.raw()).isEqualTo(302);
            assertThat(deleted.header("Location")).contains(t.listPage() + "?deleted=" + t.id());
            assertThat(api.get(t.api() + t.id(), admin).status()).as(t.audit()).isEqualTo(404);
            assertThat(page(t.listPage() + "?deleted=" + t.id(), admin).raw()).contains("id=\"deleted-notice\"")
                    .doesNotContain("href=\"" + t.pages() + t.id() + "/delete\"");
            assertThat(page(t.pages() + "deleted", admin).raw()).contains("data-deleted=\"" + t.id() + "\"",
                    "action=\"" + t.pages() + t.id() + "/restore\"");

            var restored = post(t.pages() + t.id() + "/restore", admin);
            assertThat(restored.status()).isEqualTo(302);
            assertThat(restored.header("Location")).contains(t.pages() + "deleted?restored=" + t.id());
            assertThat(api.get(t.api() + t.id(), admin).status()).as(t.audit()).isEqualTo(200);
            assertThat(page(t.pages() + "deleted", admin).raw()).doesNotContain("data-deleted=\"" + t.id() + "\"");
            String audit = api.get("/api/v1/audit?action=" + t.audit() + ".deleted", admin).raw()
                    + api.get("/api/v1/audit?action=" + t.audit() + ".restored", admin).raw();
            assertThat(audit).as(t.audit()).contains(t.id(), t.audit() + ".deleted", t.audit() + ".restored");
        }
        // In Spanish too.
        assertThat(ShoppingPagesIT.page(api, "/shopping/campaigns/" + campaign + "/delete", admin, "es-DO").raw())
                .contains("¿Eliminar esta campaña?", "Cancelar");
    }

    @Test
    void otherRolesNeitherDeleteNorRestoreAndSeeNoButtons() {
        for (String token : List.of(shopper, manager, api.token("exec@demo.local"))) {
            for (Thing t : things()) {
                assertThat(page(t.pages() + t.id() + "/delete", token).status()).as(t.audit()).isEqualTo(403);
                assertThat(post(t.pages() + t.id() + "/delete", token).status()).as(t.audit()).isEqualTo(403);
                assertThat(page(t.pages() + "deleted", token).status()).as(t.audit()).isEqualTo(403);
                assertThat(post(t.pages() + t.id() + "/restore", token).status()).as(t.audit()).isEqualTo(403);
                assertThat(api.get(t.api() + t.id(), admin).status()).isEqualTo(200);
            }
            for (String list : List.of("/shopping/campaigns", "/shopping/evaluations")) {
                var r = page(list, token);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.raw()).doesNotContain("/delete\"", "id=\"show-deleted\"");
            }
        }
    }

    @Test
    void anotherCompanysIdIsNotFoundAndNothingChanges() {
        String other = api.token("admin@acme.local");
        for (Thing t : things()) {
            assertThat(page(t.pages() + t.id() + "/delete", other).status()).as(t.audit()).isEqualTo(404);
            assertThat(post(t.pages() + t.id() + "/delete", other).status()).as(t.audit()).isEqualTo(404);
            assertThat(api.get(t.api() + t.id(), admin).status()).isEqualTo(200);
            // Deleted in its company, it cannot be restored from another, nor seen in that one's deleted view.
            assertThat(api.send("DELETE", t.api() + t.id(), admin, Map.of(), null).status()).isEqualTo(204);
            assertThat(post(t.pages() + t.id() + "/restore", other).status()).as(t.audit()).isEqualTo(404);
            assertThat(page(t.pages() + "deleted", other).raw()).doesNotContain(t.id());
            assertThat(api.get(t.api() + t.id(), admin).status()).isEqualTo(404);
            assertThat(api.post(t.api() + t.id() + "/restore", admin, "").status()).isEqualTo(200);
        }
    }
}
