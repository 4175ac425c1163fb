package io.verbatim.voiceagents;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The services catalogue: seven defaults per tenant (also a tenant created now), read by all, changed by admins, per tenant. */
class ServicesIT extends PlatformTest {

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(s -> names.add(s.get("name").asString()));
        return names;
    }

    @Test
    void everyTenantStartsWithSevenDefaults() {
        JsonNode demo = api.get("/api/v1/services", api.token("csr1@demo.local")).body();
        assertThat(names(demo)).contains("Consultation", "New client appointment", "Follow-up appointment", "Standard service",
                "Extended service", "Estimate visit", "Call back");
        JsonNode consultation = demo.get("items").valueStream().filter(s -> s.get("name").asString().equals("Consultation"))
                .findFirst().orElseThrow();
        assertThat(consultation.get("duration_minutes").asInt()).isEqualTo(30);
        assertThat(consultation.get("currency").asString()).isEqualTo("USD");
        assertThat(consultation.get("active").asBoolean()).isTrue();

        // A tenant created now gets them too, written once the tenant is committed.
        String root = api.token("root@verbatim.local");
        String tenant = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/tenants", root, "{\"id\":\"" + tenant + "\",\"name\":\"Services " + tenant + "\"}").status())
                .isEqualTo(201);
        var fresh = api.send("GET", "/api/v1/services", root, Map.of("X-Verbatim-Tenant", tenant), null);
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.body().get("items")).hasSize(7);
    }

    @Test
    void adminsChangeTheCatalogueOthersReadItAndAnotherTenantNeverSeesIt() {
        String admin = api.token("admin@demo.local");
        String name = "Colour and cut " + UUID.randomUUID().toString().substring(0, 6);
        String body = "{\"name\":\"" + name + "\",\"duration_minutes\":90,\"price\":85.50}";
        String key = "svc-" + UUID.randomUUID();

        // Role scope: agents and managers read but do not change it.
        assertThat(api.send("POST", "/api/v1/services", api.token("csr1@demo.local"), Map.of(), body).status()).isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/services", api.token("manager@demo.local"), Map.of(), body).status()).isEqualTo(403);

        var created = api.send("POST", "/api/v1/services", admin, Map.of("Idempotency-Key", key), body);
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.body().get("price").asDouble()).isEqualTo(85.5);
        var retried = api.send("POST", "/api/v1/services", admin, Map.of("Idempotency-Key", key), body);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("id").asString()).isEqualTo(id);
        var sameName = api.send("POST", "/api/v1/services", admin, Map.of(), body.replace(name, name.toUpperCase()));
        assertThat(sameName.status()).isEqualTo(409);
        assertThat(sameName.body().get("type").asString()).isEqualTo("urn:verbatim:problem:service-exists");
        var invalid = api.send("POST", "/api/v1/services", admin, Map.of(), "{\"name\":\"x\",\"duration_minutes\":2,\"price\":1}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("type").asString()).isEqualTo("urn:verbatim:problem:invalid-service");
        assertThat(api.send("POST", "/api/v1/services", admin, Map.of(), "{\"name\":\"y\",\"duration_minutes\":30,\"price\":-1}").status())
                .isEqualTo(400);

        String csr = api.token("csr1@demo.local");
        assertThat(api.get("/api/v1/services/" + id, csr).body().get("name").asString()).isEqualTo(name);
        assertThat(api.send("PATCH", "/api/v1/services/" + id, csr, Map.of(), "{\"active\":false}").status()).isEqualTo(403);
        var retired = api.send("PATCH", "/api/v1/services/" + id, admin, Map.of(), "{\"active\":false,\"price\":90}");
        assertThat(retired.status()).isEqualTo(200);
        assertThat(retired.body().get("active").asBoolean()).isFalse();
        assertThat(retired.body().get("duration_minutes").asInt()).isEqualTo(90);
        assertThat(names(api.get("/api/v1/services?active=true", csr).body())).doesNotContain(name);
        assertThat(names(api.get("/api/v1/services", csr).body())).contains(name);

        // Another tenant: not listed, not readable, not changeable.
        String acme = api.token("admin@acme.local");
        assertThat(names(api.get("/api/v1/services", acme).body())).doesNotContain(name);
        assertThat(api.get("/api/v1/services/" + id, acme).status()).isEqualTo(404);
        assertThat(api.send("PATCH", "/api/v1/services/" + id, acme, Map.of(), "{\"active\":true}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/services/" + id, admin).body().get("active").asBoolean()).isFalse();
    }
}
