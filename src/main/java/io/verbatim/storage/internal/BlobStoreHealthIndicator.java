package io.verbatim.storage.internal;

import io.verbatim.storage.BlobStore;
import io.verbatim.storage.BucketName;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health} component {@code blobStore}: can the configured store answer for the
 * platform bucket? A missing bucket is fine when it will be created on first use.
 */
final class BlobStoreHealthIndicator implements HealthIndicator {

    private final BlobStore store;
    private final BucketName bucket;
    private final boolean createBuckets;
    private final Map<String, Object> details;

    BlobStoreHealthIndicator(BlobStore store, BucketName bucket, boolean createBuckets, Map<String, Object> details) {
        this.store = store;
        this.bucket = bucket;
        this.createBuckets = createBuckets;
        this.details = Map.copyOf(details);
    }

    @Override
    public Health health() {
        Health.Builder health;
        try {
            boolean exists = store.bucketExists(bucket);
            health = exists || createBuckets ? Health.up() : Health.down();
            health.withDetail("bucketExists", exists);
        } catch (RuntimeException e) {
            health = Health.down(e);
        }
        return health.withDetail("bucket", bucket.value()).withDetails(details).build();
    }
}
