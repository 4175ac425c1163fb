package io.verbatim.operations.internal;

import io.verbatim.storage.BlobSummary;
import io.verbatim.storage.StorageLayout;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * What a tenant keeps in object storage, counted from the store itself (not from rows that may disagree
 * with it): objects and bytes by kind, where the kind is the layout folder ({@code input/audio},
 * {@code input/documents}, {@code results/final}, {@code config}).
 */
@Component
class StorageUsage {

    private final TenantStorage storage;

    StorageUsage(TenantStorage storage) {
        this.storage = storage;
    }

    /** One kind of object: {@code objects} of them, {@code bytes} in all. */
    record Kind(String kind, long objects, long bytes) {
    }

    /**
     * @param mode   {@code shared} (the platform bucket, under the tenant's prefixes) or {@code dedicated}
     * @param bucket where the objects are
     */
    record Usage(String tenant, String name, String mode, String bucket, long objects, long bytes, List<Kind> kinds,
                 Instant measuredAt) {
    }

    Usage of(Tenant tenant) {
        TenantBlobs blobs = storage.forTenant(tenant);
        Map<String, long[]> kinds = new TreeMap<>();
        StorageLayout layout = blobs.layout();
        for (String root : layout.roots()) {
            try (Stream<BlobSummary> all = blobs.listAll(root)) {
                all.forEach(b -> {
                    long[] k = kinds.computeIfAbsent(kind(b.key().value()), x -> new long[2]);
                    k[0]++;
                    k[1] += b.size();
                });
            }
        }
        List<Kind> out = new ArrayList<>();
        long objects = 0;
        long bytes = 0;
        for (var e : kinds.entrySet()) {
            out.add(new Kind(e.getKey(), e.getValue()[0], e.getValue()[1]));
            objects += e.getValue()[0];
            bytes += e.getValue()[1];
        }
        return new Usage(tenant.id().value(), tenant.name(), blobs.mode().wire(), blobs.bucket().value(), objects, bytes,
                List.copyOf(out), Instant.now());
    }

    /** {@code <area>/<tenant>/<folder>/...} -> {@code <area>/<folder>}; objects directly under the tenant -> {@code <area>}. */
    static String kind(String key) {
        String[] parts = key.split("/", 4);
        return parts.length >= 4 ? parts[0] + "/" + parts[2] : parts[0];
    }
}
