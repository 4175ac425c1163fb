package io.verbatim.web;

import static io.verbatim.web.CampaignAndZonePagesIT.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The payments and companies pages, rendered by the server with the API's roles: a company's admin reads and records
 * their own company's payments and no other's; a platform admin any company's, and lists and creates companies; managers,
 * executives and shoppers get neither page.
 */
class BillingPagesIT extends PlatformTest {

    static final String ROOT = "root@verbatim.local";
    String company;
    String bossEmail;
    String boss;

    @BeforeEach
    void company() {
        bossEmail = "boss-" + UUID.randomUUID().toString().substring(0, 8) + "@pagos.local";
        ApiClient.Response made = ShoppingFixture.company(api, "Pagos " + UUID.randomUUID(), bossEmail);
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        company = made.body().get("id").asString();
        boss = api.token(bossEmail);
    }

    ApiClient.Response page(String path, String token) {
        return ShoppingPagesIT.page(api, path, token, "en");
    }

    ApiClient.Response post(String path, String token, String body, String language) {
        return api.send("POST", path, token, Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html",
                "Accept-Language", language), body);
    }

    private JsonNode payments(String token) {
        return api.get("/api/v1/payments", token).body().get("items");
    }

    @Test
    void anAdminReadsAndRecordsTheirOwnCompanysPaymentsOnly() {
        var empty = page("/shopping/payments", boss);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.raw()).contains("id=\"company-name\"", "Pagos ", "standard", "Active", "No payments recorded yet.",
                "id=\"payment-new\"").doesNotContain("name=\"company\"");

        // A refusal shows on the form in the page's language, with what was typed; nothing is stored.
        var refused = post("/shopping/payments", boss, form("amount", "mil", "currency", "DOP", "periodStart", "2026-12-01",
                "periodEnd", "2026-12-31", "method", "transfer", "reference", "TRF-typed"), "es-DO");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.raw()).contains("id=\"payment-errors\"", "El importe debe ser un número positivo", "TRF-typed");
        assertThat(post("/shopping/payments", boss, form("amount", "10", "currency", "XXY", "periodStart", "2026-12-01",
                "periodEnd", "2026-11-01", "method", "transfer"), "en").raw()).contains("ISO 4217");
        assertThat(payments(boss)).isEmpty();

        var recorded = post("/shopping/payments", boss, form("amount", "1500.00", "currency", "dop", "periodStart", "2026-12-01",
                "periodEnd", "2026-12-31", "method", "transfer", "reference", "TRF-0042"), "en");
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(recorded.header("Location")).endsWith("/shopping/payments?recorded=");
        JsonNode stored = payments(boss);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("amount").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(stored.get(0).get("currency").asString()).isEqualTo("DOP");
        assertThat(page("/shopping/payments?recorded=", boss).raw()).contains("The payment was recorded", "1500.00 DOP", "TRF-0042",
                "Bank transfer", bossEmail);
        assertThat(ShoppingPagesIT.page(api, "/shopping/payments", boss, "es-DO").raw()).contains("Pagos registrados", "Activa",
                "Transferencia bancaria");

        // Another company is not reachable from the page: 404, and nothing is recorded there.
        int before = payments(api.token("admin@demo.local")).size();
        assertThat(page("/shopping/payments?company=demo-tenant", boss).status()).isEqualTo(404);
        assertThat(post("/shopping/payments?company=demo-tenant", boss, form("amount", "5", "currency", "USD",
                "periodStart", "2026-12-01", "periodEnd", "2026-12-31", "method", "cash"), "en").status()).isEqualTo(404);
        assertThat(payments(api.token("admin@demo.local"))).hasSize(before);
        assertThat(page("/shopping/payments", api.token("admin@acme.local")).raw()).doesNotContain("TRF-0042");

        // Managers, executives and shoppers: neither read nor record (as GET/POST /api/v1/payments).
        for (String who : new String[] {ShoppingFixture.manager(api, bossEmail), ShoppingFixture.shopper(api, bossEmail)}) {
            String token = api.token(who);
            assertThat(page("/shopping/payments", token).status()).as(who).isEqualTo(403);
            assertThat(post("/shopping/payments", token, form("amount", "5", "currency", "USD", "periodStart", "2026-12-01",
                    "periodEnd", "2026-12-31", "method", "cash"), "en").status()).as(who).isEqualTo(403);
            assertThat(page("/shopping/companies", token).status()).as(who).isEqualTo(403);
        }
        assertThat(page("/shopping/payments", api.token("exec@demo.local")).status()).isEqualTo(403);
        assertThat(payments(boss)).hasSize(1);
        assertThat(page("/shopping/evaluations", boss).raw()).contains("href=\"/shopping/payments\"").doesNotContain("href=\"/shopping/companies\"");
    }

    @Test
    void aPlatformAdminRecordsAPaymentForAnyCompany() {
        String root = api.token(ROOT);
        var acting = page("/shopping/payments?company=" + company, root);
        assertThat(acting.status()).isEqualTo(200);
        assertThat(acting.raw()).contains("id=\"acting\"", "name=\"company\"", company);
        var recorded = post("/shopping/payments", root, form("company", company, "amount", "99.5", "currency", "USD",
                "periodStart", "2026-11-01", "periodEnd", "2026-11-30", "method", "card", "reference", "ch_root"), "en");
        assertThat(recorded.status()).isEqualTo(302);
        assertThat(recorded.header("Location")).contains("company=" + company);
        JsonNode stored = payments(boss);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("reference").asString()).isEqualTo("ch_root");
        assertThat(stored.get(0).get("recorded_by").asString()).isEqualTo(ROOT);
        // Audited in the company, as acting through X-Verbatim-Tenant is.
        assertThat(api.get("/api/v1/audit?action=platform.tenant_access", boss).raw()).contains(ROOT);
        assertThat(page("/shopping/payments?company=no-such-company", root).status()).isEqualTo(404);
    }

    @Test
    void aPlatformAdminListsAndCreatesCompaniesThroughTheForm() {
        String root = api.token(ROOT);
        var list = page("/shopping/companies", root);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.raw()).contains("id=\"company-list\"", "demo-tenant", company, "href=\"/shopping/payments?company=" + company + "\"",
                "id=\"company-new\"", "value=\"DO\"");

        String adminEmail = "ana-" + UUID.randomUUID().toString().substring(0, 8) + "@nueva.local";
        String name = "Nueva Empresa " + UUID.randomUUID().toString().substring(0, 8);
        var weak = post("/shopping/companies", root, form("name", name, "email", "info@nueva.do", "state", "DO-25", "country", "DO",
                "adminName", "Ana", "adminEmail", adminEmail, "adminPassword", "corta"), "en");
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.raw()).contains("id=\"company-errors\"", "10 to 200 characters", name, adminEmail).doesNotContain("corta");
        assertThat(post("/shopping/companies", root, form("name", name, "state", "XX-99", "country", "DO", "adminName", "Ana",
                "adminEmail", adminEmail, "adminPassword", ApiClient.DEMO_PASSWORD), "es").raw()).contains("ISO 3166-2");

        var created = post("/shopping/companies", root, form("name", name, "email", "info@nueva.do", "phone", "+1 809 555 0199",
                "address", "Calle del Sol 1", "state", "DO-25", "country", "", "adminName", "Ana Nueva", "adminEmail", adminEmail,
                "adminPassword", ApiClient.DEMO_PASSWORD), "en");
        assertThat(created.status()).isEqualTo(302);
        String id = created.header("Location").replaceAll(".*created=", "");
        JsonNode made = api.get("/api/v1/companies/" + id, root).body();
        assertThat(made.get("name").asString()).isEqualTo(name);
        assertThat(made.get("country").asString()).isEqualTo("DO");
        assertThat(made.get("state").asString()).isEqualTo("DO-25");
        // Its admin signs in at once and sees their own company's payments page.
        assertThat(page("/shopping/payments", api.token(adminEmail)).raw()).contains(name);
        assertThat(page("/shopping/companies?created=" + id, root).raw()).contains("Company " + id + " created", name);

        // Company admins do not manage companies.
        for (String admin : new String[] {boss, api.token("admin@demo.local")}) {
            assertThat(page("/shopping/companies", admin).status()).isEqualTo(403);
            assertThat(post("/shopping/companies", admin, form("name", "X " + UUID.randomUUID(), "adminName", "X",
                    "adminEmail", "x-" + UUID.randomUUID() + "@x.local", "adminPassword", ApiClient.DEMO_PASSWORD), "en").status())
                    .isEqualTo(403);
        }
    }

    private String recordPayment(String token, String reference) {
        ApiClient.Response r = api.post("/api/v1/payments", token, """
                {"amount": 250.00, "currency": "DOP", "period_start": "2026-10-01", "period_end": "2026-10-31",
                 "method": "cash", "reference": "%s"}""".formatted(reference));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asString();
    }

    @Test
    void anAdminDeletesAndRestoresAPaymentOnThePage() {
        String id = recordPayment(boss, "DEL-0001");
        var listed = page("/shopping/payments", boss);
        assertThat(listed.raw()).contains("/shopping/payments/" + id + "/delete", "DEL-0001").doesNotContain("id=\"deleted-payments\"");

        // Other roles and another company's admin cannot delete it (403 / 404, as DELETE /api/v1/payments/{id}).
        for (String who : new String[] {ShoppingFixture.manager(api, bossEmail), ShoppingFixture.shopper(api, bossEmail)}) {
            assertThat(post("/shopping/payments/" + id + "/delete", api.token(who), "", "en").status()).as(who).isEqualTo(403);
        }
        assertThat(post("/shopping/payments/" + id + "/delete", api.token("admin@demo.local"), "", "en").status()).isEqualTo(404);
        assertThat(post("/shopping/payments/" + id + "/delete?company=" + company, api.token("admin@demo.local"), "", "en").status())
                .isEqualTo(404);
        assertThat(payments(boss)).hasSize(1);

        var deleted = post("/shopping/payments/" + id + "/delete", boss, "", "en");
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(deleted.header("Location")).endsWith("/shopping/payments?deleted=");
        assertThat(payments(boss)).isEmpty();
        assertThat(api.get("/api/v1/payments?deleted=true", boss).body().get("items").get(0).get("id").asString()).isEqualTo(id);
        var after = page("/shopping/payments?deleted=", boss);
        assertThat(after.raw()).contains("The payment was deleted", "id=\"deleted-payments\"", "/shopping/payments/" + id + "/restore",
                "No payments recorded yet.");
        assertThat(ShoppingPagesIT.page(api, "/shopping/payments", boss, "es-DO").raw()).contains("Pagos eliminados", "Restaurar");
        // Deleting it twice, or restoring it from another company, is 404.
        assertThat(post("/shopping/payments/" + id + "/delete", boss, "", "en").status()).isEqualTo(404);
        assertThat(post("/shopping/payments/" + id + "/restore", api.token("admin@demo.local"), "", "en").status()).isEqualTo(404);
        assertThat(post("/shopping/payments/" + id + "/restore", api.token(ShoppingFixture.manager(api, bossEmail)), "", "en").status())
                .isEqualTo(403);

        var restored = post("/shopping/payments/" + id + "/restore", boss, "", "en");
        assertThat(restored.status()).isEqualTo(302);
        assertThat(restored.header("Location")).endsWith("/shopping/payments?restored=");
        assertThat(payments(boss)).hasSize(1);
        assertThat(page("/shopping/payments?restored=", boss).raw()).contains("The payment was restored", "DEL-0001")
                .doesNotContain("id=\"deleted-payments\"");
        String audit = api.get("/api/v1/audit?action=payment.deleted", boss).raw() + api.get("/api/v1/audit?action=payment.restored", boss).raw();
        assertThat(audit).contains(id, "payment.deleted", "payment.restored");
    }

    @Test
    void aPlatformAdminDeletesAndRestoresAnyCompanysPayment() {
        String id = recordPayment(boss, "ROOT-DEL");
        String root = api.token(ROOT);
        var deleted = post("/shopping/payments/" + id + "/delete", root, form("company", company), "en");
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(deleted.header("Location")).contains("company=" + company, "deleted=");
        assertThat(payments(boss)).isEmpty();
        assertThat(page("/shopping/payments?company=" + company, root).raw()).contains("id=\"deleted-payments\"", "ROOT-DEL",
                "name=\"company\"");
        // Without ?company= the platform admin is in their own tenant, where that payment does not exist.
        assertThat(post("/shopping/payments/" + id + "/restore", root, "", "en").status()).isEqualTo(404);
        assertThat(post("/shopping/payments/" + id + "/restore", root, form("company", company), "en").status()).isEqualTo(302);
        assertThat(payments(boss)).hasSize(1);
    }

    @Test
    void aPlatformAdminChangesACompanysPlanAndSubscriptionOnThePage() {
        String root = api.token(ROOT);
        var list = page("/shopping/companies", root);
        assertThat(list.raw()).contains("action=\"/shopping/companies/" + company + "\"", "value=\"past_due\"", "class=\"company-plan\"");

        var refused = post("/shopping/companies/" + company, root, form("plan", "premium", "subscriptionStatus", "frozen"), "en");
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.raw()).contains("id=\"subscription-errors\"", "Choose active, past due or suspended");
        assertThat(post("/shopping/companies/" + company, root, form("subscriptionStatus", "frozen"), "es-DO").raw())
                .contains("Elija activa, pago vencido o suspendida");
        assertThat(api.get("/api/v1/companies/" + company, root).body().get("subscription_status").asString()).isEqualTo("active");

        var saved = post("/shopping/companies/" + company, root, form("plan", "premium", "subscriptionStatus", "past_due"), "en");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith("/shopping/companies?updated=" + company);
        JsonNode now = api.get("/api/v1/companies/" + company, root).body();
        assertThat(now.get("plan").asString()).isEqualTo("premium");
        assertThat(now.get("subscription_status").asString()).isEqualTo("past_due");
        assertThat(page("/shopping/companies?updated=" + company, root).raw()).contains("Company " + company + ": plan and subscription saved");
        // The company is now blocked as through PATCH /api/v1/companies/{id}, and the change is audited in it.
        assertThat(page("/shopping/payments", boss).raw()).contains("Past due", "No new campaigns or evaluations");
        assertThat(api.get("/api/v1/audit?action=company.subscription_changed", boss).raw()).contains("past_due");
        // A blank plan keeps the plan.
        assertThat(post("/shopping/companies/" + company, root, form("plan", "", "subscriptionStatus", "active"), "en").status()).isEqualTo(302);
        now = api.get("/api/v1/companies/" + company, root).body();
        assertThat(now.get("plan").asString()).isEqualTo("premium");
        assertThat(now.get("subscription_status").asString()).isEqualTo("active");

        // Company admins (their own company or another) and other roles cannot; an unknown company is 404.
        for (String token : new String[] {boss, api.token("admin@demo.local"), api.token(ShoppingFixture.manager(api, bossEmail))}) {
            assertThat(post("/shopping/companies/" + company, token, form("subscriptionStatus", "suspended"), "en").status()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/companies/" + company, root).body().get("subscription_status").asString()).isEqualTo("active");
        assertThat(post("/shopping/companies/no-such-company", root, form("subscriptionStatus", "active"), "en").status()).isEqualTo(404);
    }
}
