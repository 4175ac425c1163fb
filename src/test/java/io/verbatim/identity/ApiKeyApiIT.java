package io.verbatim.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.PlatformTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyApiIT extends PlatformTest {

    @Test
    void aKeyIsShownOnceStoredHashedUsableAndRevocable() {
        String admin = api.token("admin@demo.local");
        var created = api.post("/api/v1/api-keys", admin, "{\"name\":\"recorder sync\",\"role\":\"manager\"}");
        assertThat(created.status()).isEqualTo(201);
        String key = created.body().get("key").asString();
        String id = created.body().get("id").asString();
        assertThat(key).startsWith("vbk_").hasSizeGreaterThan(40);

        var list = api.get("/api/v1/api-keys", admin);
        assertThat(list.raw()).contains(id).contains(key.substring(0, 12)).doesNotContain(key);

        var viaBearer = api.get("/api/v1/auth/me", key);
        assertThat(viaBearer.status()).isEqualTo(200);
        assertThat(viaBearer.body().get("auth_method").asString()).isEqualTo("api_key");
        assertThat(viaBearer.body().get("role").asString()).isEqualTo("manager");
        assertThat(viaBearer.body().get("tenant_id").asString()).isEqualTo("demo-tenant");
        var viaHeader = api.send("GET", "/api/v1/auth/me", null, Map.of("X-Api-Key", key), null);
        assertThat(viaHeader.status()).isEqualTo(200);

        // A key cannot mint more keys, whatever its role.
        String adminKey = api.post("/api/v1/api-keys", admin, "{\"name\":\"ops\"}").body().get("key").asString();
        assertThat(api.post("/api/v1/api-keys", adminKey, "{\"name\":\"child\"}").status()).isEqualTo(403);

        assertThat(api.delete("/api/v1/api-keys/" + id, admin).status()).isEqualTo(204);
        var revoked = api.get("/api/v1/auth/me", key);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me", "vbk_forged0000000000000000000000000000000000").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/audit?action=api_key", admin).raw()).contains("api_key.created").contains("api_key.revoked");
    }

    @Test
    void keysOnlyHaveTenantRoles() {
        var r = api.post("/api/v1/api-keys", api.token("admin@demo.local"), "{\"name\":\"x\",\"role\":\"agent\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.problemType()).isEqualTo("urn:verbatim:problem:invalid-role");
    }
}
