package io.verbatim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.identity.AgentKind;
import io.verbatim.identity.Role;
import io.verbatim.identity.UserProvisioning;
import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The demo's sales data, seeded into a tenant of its own (so the shared demo tenant's figures stay the other tests'):
 * cards with address and property, run and upcoming appointments with outcomes, tasks, missed calls in the queue,
 * seen through the real APIs; a second run adds nothing.
 */
class DemoSalesIT extends PlatformTest {

    @Autowired
    DemoSales sales;
    @Autowired
    Tenants tenants;
    @Autowired
    UserProvisioning provisioning;

    @Test
    void theSalesViewsHaveDataAndASecondRunAddsNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TenantId tenant = new TenantId("ds-" + suffix);
        tenants.create(tenant, "Demo Sales " + suffix, StorageMode.SHARED, null);
        String pw = ApiClient.DEMO_PASSWORD;
        provisioning.ensureUser(tenant, "admin@ds-" + suffix + ".local", "Ada Admin", pw, Role.ADMIN, null, null);
        UUID csr1 = provisioning.ensureUser(tenant, "csr1@ds-" + suffix + ".local", "Cleo CSR", pw, Role.AGENT, AgentKind.CSR, null);
        UUID csr2 = provisioning.ensureUser(tenant, "csr2@ds-" + suffix + ".local", "Cy CSR", pw, Role.AGENT, AgentKind.CSR, null);
        UUID rep = provisioning.ensureUser(tenant, "rep@ds-" + suffix + ".local", "Rae Rep", pw, Role.AGENT, AgentKind.SALES_REP, null);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        DemoSales.Seeded first = sales.seed(tenant, new DemoSales.Cast(csr1, csr2, rep), today);
        assertThat(first.contacts()).hasSize(6);
        assertThat(first.appointments()).hasSize(7);
        assertThat(first.tasksAdded()).isEqualTo(4);
        assertThat(first.missedCalls()).hasSize(3);

        String admin = api.token("admin@ds-" + suffix + ".local");
        String csr = api.token("csr1@ds-" + suffix + ".local");
        JsonNode card = api.get("/api/v1/contacts?q=pham", admin).body().get("items").get(0);
        assertThat(card.get("address").get("city").asString()).isEqualTo("Austin");
        assertThat(card.get("property").get("roof_type").asString()).isEqualTo("asphalt_shingle");

        JsonNode metrics = api.get("/api/v1/reps/" + rep + "/stats?days=30", admin).body();
        assertThat(metrics.toString()).contains("\"completed\":3", "\"closed_won\":1", "\"closed_lost\":1", "\"no_shows\":1");
        var today1 = api.get("/api/v1/reps/" + rep + "/appointments?date=" + today, api.token("rep@ds-" + suffix + ".local"));
        assertThat(today1.status()).as(today1.raw()).isEqualTo(200);
        assertThat(today1.raw()).contains("Priya Shah", "roof_inspection");

        assertThat(api.get("/api/v1/tasks/mine", csr).body().get("items")).hasSize(2);
        JsonNode queue = api.get("/api/v1/missed-calls/queue?days=7", csr).body().get("items");
        assertThat(queue.findValuesAsString("name")).containsExactlyInAnyOrder("Sam Carter", "Ana Flores");
        JsonNode missed = api.get("/api/v1/missed-calls/queue/metrics?days=7", admin).body();
        assertThat(missed.get("missed_calls_total").asInt()).isEqualTo(3);
        assertThat(missed.get("calls_rescued_by_humans").asInt()).isEqualTo(1);

        DemoSales.Seeded again = sales.seed(tenant, new DemoSales.Cast(csr1, csr2, rep), today);
        assertThat(again.contacts()).isEqualTo(first.contacts());
        assertThat(again.appointments().stream().map(a -> a.id()).toList())
                .isEqualTo(first.appointments().stream().map(a -> a.id()).toList());
        assertThat(again.tasksAdded()).isZero();
        assertThat(again.missedCalls()).isEqualTo(first.missedCalls());
        assertThat(api.get("/api/v1/tasks?limit=100", admin).body().get("items")).hasSize(4);
        // the demo tenant's own users see none of it
        assertThat(api.get("/api/v1/contacts?q=pham", api.token("admin@acme.local")).body().get("items")).isEmpty();
    }
}
