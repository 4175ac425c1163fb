package io.verbatim.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.ShoppingFixture;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Companies (tenants with a profile) over the API: created by platform admins, their admin signs in at once. */
class CompanyApiIT extends PlatformTest {

    static final String ROOT = "root@verbatim.local";

    @Test
    void aPlatformAdminCreatesACompanyWhoseAdminSignsInAtOnce() {
        String adminEmail = "ana-" + UUID.randomUUID() + "@tiendas.do";
        ApiClient.Response created = ShoppingFixture.company(api, "Tiendas Peña " + UUID.randomUUID().toString().substring(0, 6), adminEmail);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(id).startsWith("tiendas-pena-");
        assertThat(created.body().get("country").asString()).isEqualTo("DO");
        assertThat(created.body().get("state").asString()).isEqualTo("DO-01");
        assertThat(created.body().get("subscription_status").asString()).isEqualTo("active");
        assertThat(created.body().get("admin").get("email").asString()).isEqualTo(adminEmail);
        assertThat(created.raw()).doesNotContain(ApiClient.DEMO_PASSWORD);

        String admin = api.token(adminEmail);
        ApiClient.Response me = api.get("/api/v1/auth/me", admin);
        assertThat(me.raw()).contains(id).contains("\"admin\"");
        assertThat(api.get("/api/v1/companies/" + id, admin).body().get("phone").asString()).isEqualTo("+1 809 555 0100");
        // an admin sees only their own company, creates none, lists none, and cannot change the subscription
        assertThat(api.get("/api/v1/companies/demo-tenant", admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/companies/" + id, api.token("admin@demo.local")).status()).isEqualTo(404);
        assertThat(createCompanyAs(admin, "Otra").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/companies", admin).status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/companies/" + id, admin, "{\"subscription_status\":\"active\"}").status()).isEqualTo(403);
        assertThat(api.patch("/api/v1/companies/" + id, admin, "{\"phone\":\"+1 809 555 0199\"}").body().get("phone").asString())
                .isEqualTo("+1 809 555 0199");
        for (String other : new String[] {"manager@demo.local", "csr1@demo.local"}) {
            assertThat(api.get("/api/v1/companies/demo-tenant", api.token(other)).status()).isEqualTo(403);
        }
        // the platform admin lists it and sets its subscription
        String root = api.token(ROOT);
        assertThat(api.get("/api/v1/companies?limit=500", root).raw()).contains(id);
        ApiClient.Response suspended = api.patch("/api/v1/companies/" + id, root, "{\"subscription_status\":\"suspended\"}");
        assertThat(suspended.body().get("subscription_status").asString()).isEqualTo("suspended");
        assertThat(api.get("/api/v1/companies/" + id, admin).body().get("subscription_status").asString()).isEqualTo("suspended");
        assertThat(api.patch("/api/v1/companies/" + id, root, "{\"subscription_status\":\"late\"}").status()).isEqualTo(400);
    }

    @Test
    void badProfilesAreRefused() {
        String root = api.token(ROOT);
        String body = """
                {"name": "Bad", "country": "%s", "state": "%s", "admin": {"email": "%s", "name": "A", "password": "%s"}}""";
        ApiClient.Response country = api.post("/api/v1/companies", root, body.formatted("XX", "", "a@b.do", ApiClient.DEMO_PASSWORD));
        assertThat(country.problemType()).isEqualTo("urn:verbatim:problem:invalid-country");
        ApiClient.Response state = api.post("/api/v1/companies", root, body.formatted("DO", "US-CA", "a@b.do", ApiClient.DEMO_PASSWORD));
        assertThat(state.problemType()).isEqualTo("urn:verbatim:problem:invalid-state");
        ApiClient.Response weak = api.post("/api/v1/companies", root, body.formatted("US", "US-CA", "a@b.do", "short"));
        assertThat(weak.problemType()).isEqualTo("urn:verbatim:problem:weak-password");
        ApiClient.Response noAdmin = api.post("/api/v1/companies", root, "{\"name\":\"No admin\"}");
        assertThat(noAdmin.status()).isEqualTo(400);
    }

    @Test
    void paymentsBelongToTheirCompanyAndComeBackAfterADelete() {
        String admin = api.token("admin@demo.local");
        ApiClient.Response recorded = api.post("/api/v1/payments", admin, """
                {"amount": 12500.50, "currency": "dop", "period_start": "2026-11-01", "period_end": "2026-11-30",
                 "method": "transfer", "reference": "BHD-%s"}""".formatted(UUID.randomUUID()));
        assertThat(recorded.status()).as(recorded.raw()).isEqualTo(201);
        String id = recorded.body().get("id").asString();
        assertThat(recorded.body().get("currency").asString()).isEqualTo("DOP");
        assertThat(api.get("/api/v1/payments", admin).raw()).contains(id);
        // another company's admin and the company's other roles see nothing
        assertThat(api.get("/api/v1/payments", api.token("admin@acme.local")).raw()).doesNotContain(id);
        assertThat(api.delete("/api/v1/payments/" + id, api.token("admin@acme.local")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/payments", api.token("manager@demo.local")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/payments", api.token("csr1@demo.local"), "{}").status()).isEqualTo(403);
        // a platform admin acting in the company sees it too
        ApiClient.Response asRoot = api.send("GET", "/api/v1/payments", api.token(ROOT), Map.of("X-Verbatim-Tenant", "demo-tenant"), null);
        assertThat(asRoot.raw()).contains(id);

        assertThat(api.delete("/api/v1/payments/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/payments", admin).raw()).doesNotContain(id);
        assertThat(api.get("/api/v1/payments?deleted=true", admin).raw()).contains(id);
        assertThat(api.post("/api/v1/payments/" + id + "/restore", admin, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/payments", admin).raw()).contains(id);
        assertThat(api.post("/api/v1/payments", admin, "{\"amount\": -1, \"currency\": \"USD\"}").problemType())
                .isEqualTo("urn:verbatim:problem:invalid-amount");
    }

    private ApiClient.Response createCompanyAs(String token, String name) {
        return api.post("/api/v1/companies", token, "{\"name\":\"" + name + "\",\"admin\":{\"email\":\"x@y.do\",\"name\":\"X\",\"password\":\"0123456789ab\"}}");
    }
}
