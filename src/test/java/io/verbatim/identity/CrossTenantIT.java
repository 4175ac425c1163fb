package io.verbatim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Another tenant's admin reaches none of demo-tenant's users, teams, keys or audit entries. */
class CrossTenantIT extends PlatformTest {

    private String demoAdmin;
    private String acmeAdmin;
    private String userId;
    private String teamId;
    private String keyId;

    @BeforeEach
    void demoTenantData() {
        demoAdmin = api.token("admin@demo.local");
        acmeAdmin = api.token("admin@acme.local");
        teamId = api.post("/api/v1/teams", demoAdmin, "{\"name\":\"Cross " + System.nanoTime() + "\"}").body().get("id").asString();
        userId = api.post("/api/v1/users", demoAdmin, """
                {"email":"cross%d@demo.local","name":"Cross","role":"executive"}""".formatted(System.nanoTime()))
                .body().get("id").asString();
        keyId = api.post("/api/v1/api-keys", demoAdmin, "{\"name\":\"cross\"}").body().get("id").asString();
    }

    @Test
    void usersOfAnotherTenantAreNotFound() {
        assertThat(api.get("/api/v1/users/" + userId, acmeAdmin).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/users/" + userId, acmeAdmin, "{\"name\":\"Hijacked\"}").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/users/" + userId, acmeAdmin).status()).isEqualTo(404);
        var list = api.get("/api/v1/users?limit=500", acmeAdmin);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.raw()).doesNotContain("demo.local").doesNotContain(userId);
        assertThat(api.get("/api/v1/users/" + userId, demoAdmin).body().get("name").asString()).isEqualTo("Cross");
    }

    @Test
    void teamsOfAnotherTenantAreNotFoundNorAssignable() {
        assertThat(api.get("/api/v1/teams/" + teamId, acmeAdmin).status()).isEqualTo(404);
        assertThat(api.patch("/api/v1/teams/" + teamId, acmeAdmin, "{\"name\":\"Hijacked\"}").status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/teams/" + teamId, acmeAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/teams?limit=500", acmeAdmin).raw()).doesNotContain(teamId);
        var smuggle = api.post("/api/v1/users", acmeAdmin, """
                {"email":"smuggle@acme.local","name":"S","role":"manager","team_id":"%s"}""".formatted(teamId));
        assertThat(smuggle.problemType()).isEqualTo("urn:verbatim:problem:unknown-team");
    }

    @Test
    void apiKeysOfAnotherTenantAreInvisibleAndCannotBeRevoked() {
        assertThat(api.get("/api/v1/api-keys?limit=500", acmeAdmin).raw()).doesNotContain(keyId);
        assertThat(api.delete("/api/v1/api-keys/" + keyId, acmeAdmin).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/api-keys", demoAdmin).raw()).contains(keyId);
    }

    @Test
    void theAuditLogIsPerTenant() {
        var acmeAudit = api.get("/api/v1/audit?limit=500", acmeAdmin);
        assertThat(acmeAudit.status()).isEqualTo(200);
        assertThat(acmeAudit.raw()).doesNotContain(userId).doesNotContain(keyId).doesNotContain("admin@demo.local");
    }

    @Test
    void naming_another_tenant_in_the_header_is_refused_for_tenant_admins() {
        var r = api.send("GET", "/api/v1/users", acmeAdmin, Map.of("X-Verbatim-Tenant", "demo-tenant"), null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.raw()).doesNotContain("demo.local");
    }
}
