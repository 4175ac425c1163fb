package io.verbatim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformAdminAccessIT extends PlatformTest {

    @Test
    void aPlatformAdminActsInATenantByNamingItAndEveryAccessIsAuditedThere() {
        String root = api.token("root@verbatim.local");
        var users = api.send("GET", "/api/v1/users?limit=500", root, Map.of("X-Verbatim-Tenant", "acme"), null);
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.raw()).contains("admin@acme.local").doesNotContain("demo.local");

        var me = api.send("GET", "/api/v1/auth/me", root, Map.of("X-Verbatim-Tenant", "acme"), null);
        assertThat(me.body().get("tenant_id").asString()).isEqualTo("acme");
        assertThat(me.body().get("home_tenant_id").asString()).isEqualTo("verbatim");

        var audit = api.get("/api/v1/audit?action=platform.tenant_access", api.token("admin@acme.local"));
        assertThat(audit.raw()).contains("root@verbatim.local").contains("/api/v1/users");

        var unknown = api.send("GET", "/api/v1/users", root, Map.of("X-Verbatim-Tenant", "no-such-org"), null);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void onlyAPlatformAdminMayCreateAnotherInTheOperatorTenant() {
        String root = api.token("root@verbatim.local");
        var inOperator = api.post("/api/v1/users", root,
                "{\"email\":\"ops2@verbatim.local\",\"name\":\"Ops Two\",\"role\":\"platform_admin\"}");
        assertThat(inOperator.status()).isEqualTo(201);
        var inCustomer = api.send("POST", "/api/v1/users", root, Map.of("X-Verbatim-Tenant", "acme"),
                "{\"email\":\"ops3@acme.local\",\"name\":\"Ops Three\",\"role\":\"platform_admin\"}");
        assertThat(inCustomer.status()).isEqualTo(400);
    }
}
