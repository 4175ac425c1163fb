package io.verbatim.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.TenantStorage;
import io.verbatim.support.PlatformTest;
import io.verbatim.support.TestAudio;
import io.verbatim.support.TestData;
import io.verbatim.tenancy.TenantContext;
import io.verbatim.tenancy.TenantId;
import io.verbatim.tenancy.Tenants;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A drop-folder scan that ingests a file shows in the recording sources' run history as source drop-folder. */
class DropFolderRunHistoryIT extends PlatformTest {

    @Autowired
    DropFolderScanner scanner;

    @Autowired
    TenantStorage storage;

    @Autowired
    Tenants tenants;

    @Test
    void aScanThatIngestsIsARunOfTheDropFolderSource() {
        TenantId demo = new TenantId("demo-tenant");
        var tenant = tenants.get(demo);
        String name = "history-" + UUID.randomUUID().toString().substring(0, 8);
        storage.forTenant(tenant).put(new BlobKey("input/demo-tenant/audio/" + name + ".wav"),
                TestAudio.clip(TestData.call("va_008.stereo.wav"), 0, 1), BlobAttributes.of("audio/wav"));
        storage.forTenant(tenant).put(new BlobKey("input/demo-tenant/audio/" + name + "-bad.wav"),
                "not audio at all".getBytes(), BlobAttributes.of("audio/wav"));
        assertThat(TenantContext.callAs(demo, () -> scanner.scan(tenant))).isGreaterThanOrEqualTo(1);

        String admin = api.token("admin@demo.local");
        var runs = api.get("/api/v1/source-runs?source=drop-folder&limit=50", admin).body().get("items");
        String latest = runs.get(0).get("id").asString();
        var run = api.get("/api/v1/source-runs/" + latest, admin).body();
        assertThat(run.get("triggered_by").asString()).isEqualTo("scan");
        assertThat(run.get("fetched").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(run.get("failed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(run.get("items").toString()).contains(name + "-bad.wav");
    }
}
