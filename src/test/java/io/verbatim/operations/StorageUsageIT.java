package io.verbatim.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.support.PlatformTest;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The storage usage report: counted from the real blob store, per tenant, for admins; every tenant for platform admins. */
class StorageUsageIT extends PlatformTest {

    @Autowired
    TenantStorage storage;
    @Autowired
    Tenants tenants;

    private JsonNode kind(JsonNode usage, String kind) {
        for (JsonNode k : usage.get("kinds")) {
            if (k.get("kind").asString().equals(kind)) {
                return k;
            }
        }
        return null;
    }

    private long objects(JsonNode usage, String kind) {
        JsonNode k = kind(usage, kind);
        return k == null ? 0 : k.get("objects").asLong();
    }

    @Test
    void anAdminSeesTheirTenantsObjectsAndBytesByKind() {
        String admin = api.token("admin@demo.local");
        JsonNode before = api.get("/api/v1/storage/usage", admin).body();
        TenantBlobs demo = storage.forTenant(tenants.get(new TenantId("demo-tenant")));
        String id = UUID.randomUUID().toString();
        demo.put(demo.layout().sourceMetadata(id), new ByteArrayInputStream(new byte[1234]), BlobAttributes.json());

        var r = api.get("/api/v1/storage/usage", admin);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode after = r.body();
        assertThat(after.get("tenant").asString()).isEqualTo("demo-tenant");
        assertThat(after.get("mode").asString()).isEqualTo("shared");
        assertThat(objects(after, "input/meta")).isEqualTo(objects(before, "input/meta") + 1);
        assertThat(after.get("bytes").asLong()).isEqualTo(before.get("bytes").asLong() + 1234);
        assertThat(after.get("objects").asLong()).isEqualTo(before.get("objects").asLong() + 1);

        // Another tenant's admin sees only their own figures: the demo object is not counted there.
        TenantBlobs acme = storage.forTenant(tenants.get(new TenantId("acme")));
        String acmeAdmin = api.token("admin@acme.local");
        JsonNode acmeBefore = api.get("/api/v1/storage/usage", acmeAdmin).body();
        demo.put(demo.layout().sourceMetadata(UUID.randomUUID().toString()), new ByteArrayInputStream(new byte[10]), BlobAttributes.json());
        JsonNode acmeAfter = api.get("/api/v1/storage/usage", acmeAdmin).body();
        assertThat(acmeAfter.get("tenant").asString()).isEqualTo("acme");
        assertThat(acmeAfter.get("bytes").asLong()).isEqualTo(acmeBefore.get("bytes").asLong());
        assertThat(acme.bucket().value()).isEqualTo(after.get("bucket").asString()); // one shared bucket, prefixes apart
        BlobKey mine = acme.layout().sourceMetadata(UUID.randomUUID().toString());
        acme.put(mine, new ByteArrayInputStream(new byte[7]), BlobAttributes.json());
        assertThat(api.get("/api/v1/storage/usage", acmeAdmin).body().get("bytes").asLong())
                .isEqualTo(acmeBefore.get("bytes").asLong() + 7);
    }

    @Test
    void onlyAdminsSeeUsageAndOnlyPlatformAdminsSeeEveryTenant() {
        for (String email : new String[] {"manager@demo.local", "exec@demo.local", "csr1@demo.local"}) {
            assertThat(api.get("/api/v1/storage/usage", api.token(email)).status()).as(email).isEqualTo(403);
        }
        String admin = api.token("admin@demo.local");
        var forbidden = api.get("/api/v1/storage/usage/tenants", admin);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.header("content-type")).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/storage/usage", null).status()).isEqualTo(401);

        var all = api.get("/api/v1/storage/usage/tenants", api.token("root@verbatim.local"));
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        java.util.List<String> listed = new java.util.ArrayList<>();
        all.body().get("items").forEach(u -> listed.add(u.get("tenant").asString()));
        assertThat(listed).contains("demo-tenant", "acme");
    }

    @Test
    void theSettingsPageShowsTheFiguresToAdminsOnly() {
        var page = api.send("GET", "/settings/storage", api.token("admin@demo.local"), Map.of("Accept", "text/html"), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("id=\"storage-summary\"").contains("href=\"/settings/storage\"")
                .contains("id=\"storage-objects\"");
        var denied = api.send("GET", "/settings/storage", api.token("manager@demo.local"), Map.of("Accept", "text/html"), null);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.raw()).doesNotContain("storage-summary");
    }
}
