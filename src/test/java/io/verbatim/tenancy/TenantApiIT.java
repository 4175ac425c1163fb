package io.verbatim.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.support.ApiClient;
import io.verbatim.support.PlatformTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenantApiIT extends PlatformTest {

    private String root() {
        return api.token("root@verbatim.local");
    }

    @Test
    void aPlatformAdminCreatesListsRenamesAndDeactivatesTenants() {
        var created = api.post("/api/v1/tenants", root(), """
                {"id":"globex","name":"Globex","storage_mode":"dedicated"}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("storage_mode").asString()).isEqualTo("dedicated");
        assertThat(created.body().get("created_at")).isNotNull();

        // A retried create with the same body is harmless; different settings under the same id are a conflict.
        assertThat(api.post("/api/v1/tenants", root(), "{\"id\":\"globex\",\"name\":\"Globex\",\"storage_mode\":\"dedicated\"}").status())
                .isEqualTo(201);
        var clash = api.post("/api/v1/tenants", root(), "{\"id\":\"globex\",\"name\":\"Other\"}");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.problemType()).isEqualTo("urn:verbatim:problem:tenant-exists");

        var renamed = api.patch("/api/v1/tenants/globex", root(), "{\"name\":\"Globex Corporation\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("name").asString()).isEqualTo("Globex Corporation");

        assertThat(api.delete("/api/v1/tenants/globex", root()).status()).isEqualTo(204);
        var after = api.get("/api/v1/tenants/globex", root());
        assertThat(after.body().get("deactivated_at")).isNotNull();
        assertThat(ids(api.get("/api/v1/tenants?limit=500", root()).body())).doesNotContain("globex");
        assertThat(ids(api.get("/api/v1/tenants?include_inactive=true&limit=500", root()).body())).contains("globex");
    }

    @Test
    void listingPagesWithACursor() {
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/tenants", root(), "{\"id\":\"page-t" + i + "\",\"name\":\"P" + i + "\"}");
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = api.get("/api/v1/tenants?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), root());
            assertThat(page.status()).isEqualTo(200);
            seen.addAll(ids(page.body()));
            cursor = page.body().has("next_cursor") ? page.body().get("next_cursor").asString() : null;
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(seen).contains("page-t0", "page-t1", "page-t2", "demo-tenant", "acme").doesNotHaveDuplicates();
        assertThat(seen).isSorted();
    }

    @Test
    void badInputGetsAClearProblem() {
        var badId = api.post("/api/v1/tenants", root(), "{\"id\":\"Not A Slug!\",\"name\":\"x\"}");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.problemType()).isEqualTo("urn:verbatim:problem:invalid-tenant-id");
        assertThat(badId.header("content-type")).contains("application/problem+json");

        var missing = api.post("/api/v1/tenants", root(), "{\"id\":\"nameless\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemType()).isEqualTo("urn:verbatim:problem:validation");

        var mode = api.post("/api/v1/tenants", root(), "{\"id\":\"modal\",\"name\":\"M\",\"storage_mode\":\"cloud\"}");
        assertThat(mode.problemType()).isEqualTo("urn:verbatim:problem:invalid-storage-mode");

        assertThat(api.post("/api/v1/tenants", root(), "{not json").problemType()).isEqualTo("urn:verbatim:problem:malformed-body");
        assertThat(api.get("/api/v1/tenants/no-such-tenant", root()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tenants?cursor=%25%25%25", root()).status()).isEqualTo(400);
    }

    @Test
    void onlyPlatformAdminsManageTenants() {
        for (String email : List.of("admin@demo.local", "manager@demo.local", "csr1@demo.local", "admin@acme.local")) {
            String token = api.token(email);
            assertThat(api.get("/api/v1/tenants", token).status()).as(email).isEqualTo(403);
            assertThat(api.post("/api/v1/tenants", token, "{\"id\":\"sneaky\",\"name\":\"S\"}").status()).as(email).isEqualTo(403);
            assertThat(api.patch("/api/v1/tenants/demo-tenant", token, "{\"name\":\"Mine\"}").status()).as(email).isEqualTo(403);
            assertThat(api.delete("/api/v1/tenants/acme", token).status()).as(email).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/tenants", null).status()).isEqualTo(401);
    }

    @Test
    void aDeactivatedTenantsUsersCanNoLongerSignInAndTheirTokensStopWorking() {
        api.post("/api/v1/tenants", root(), "{\"id\":\"shortlived\",\"name\":\"Short Lived\"}");
        String asRoot = root();
        var user = api.send("POST", "/api/v1/users", asRoot, java.util.Map.of("X-Verbatim-Tenant", "shortlived"),
                "{\"email\":\"boss@short.local\",\"name\":\"Boss\",\"role\":\"admin\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}");
        assertThat(user.status()).isEqualTo(201);
        String token = api.token("boss@short.local");
        assertThat(api.get("/api/v1/auth/me", token).status()).isEqualTo(200);

        assertThat(api.delete("/api/v1/tenants/shortlived", asRoot).status()).isEqualTo(204);

        var login = api.post("/api/v1/auth/login", null, "{\"email\":\"boss@short.local\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.problemType()).isEqualTo("urn:verbatim:problem:account-disabled");
        assertThat(api.get("/api/v1/auth/me", token).status()).isEqualTo(401);
    }

    private static List<String> ids(tools.jackson.databind.JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(t -> ids.add(t.get("id").asString()));
        return ids;
    }
}
