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
}
