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
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A file dropped into {@code input/<tenant>/audio/} by another tool is ingested once, with its sidecar metadata. */
class DropFolderIT extends PlatformTest {

    @Autowired
    DropFolderScanner scanner;

    @Autowired
    TenantStorage storage;

    @Autowired
    Tenants tenants;

    @Test
    void aDroppedFileIsIngestedOnceWithItsSidecarAndOnlyForItsTenant() {
        TenantId demo = new TenantId("demo-tenant");
        var tenant = tenants.get(demo);
        var blobs = storage.forTenant(tenant);
        String name = "drop-" + UUID.randomUUID().toString().substring(0, 8);
        blobs.put(new BlobKey("input/demo-tenant/audio/" + name + ".wav"),
                TestAudio.clip(TestData.call("va_008.stereo.wav"), 0, 4), BlobAttributes.of("audio/wav"));
        blobs.put(new BlobKey("input/demo-tenant/meta/" + name + ".json"), """
                {"agent":"csr2@demo.local","direction":"outbound","channel":"voice_agent","tags":["dropped"]}"""
                .getBytes(StandardCharsets.UTF_8), BlobAttributes.json());

        int first = TenantContext.callAs(demo, () -> scanner.scan(tenant));
        int second = TenantContext.callAs(demo, () -> scanner.scan(tenant));
        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(second).isZero();

        String admin = api.token("admin@demo.local");
        var list = api.get("/api/v1/conversations?limit=500", admin).raw();
        assertThat(list).contains(name + ".wav").contains("\"source\":\"drop-folder\"");
        var csr2 = api.get("/api/v1/conversations?limit=500", api.token("csr2@demo.local")).raw();
        assertThat(csr2).contains(name + ".wav").contains("voice_agent").contains("dropped");
        assertThat(api.get("/api/v1/conversations?limit=500", api.token("admin@acme.local")).raw()).doesNotContain(name);
    }
}
