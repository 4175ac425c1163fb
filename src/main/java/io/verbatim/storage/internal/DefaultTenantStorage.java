package io.verbatim.storage.internal;

import io.verbatim.storage.BlobStore;
import io.verbatim.storage.BucketName;
import io.verbatim.storage.StorageException;
import io.verbatim.storage.TenantBlobs;
import io.verbatim.storage.TenantStorage;
import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Picks a tenant's bucket by storage mode and hands out views confined to the tenant's layout prefixes. */
final class DefaultTenantStorage implements TenantStorage {

    static final String TENANT_PLACEHOLDER = "{tenant}";

    private final BlobStore store;
    private final BucketName sharedBucket;
    private final String dedicatedPattern;
    private final boolean createBuckets;
    /** Buckets known to exist, so first use costs one check per bucket per process, not one per call. */
    private final Set<BucketName> ensured = ConcurrentHashMap.newKeySet();

    DefaultTenantStorage(BlobStore store, BucketName sharedBucket, String dedicatedPattern, boolean createBuckets) {
        if (dedicatedPattern == null || dedicatedPattern.indexOf(TENANT_PLACEHOLDER) < 0
                || dedicatedPattern.indexOf(TENANT_PLACEHOLDER) != dedicatedPattern.lastIndexOf(TENANT_PLACEHOLDER)) {
            // without the tenant in the name, dedicated tenants would share one bucket
            throw new IllegalArgumentException("verbatim.storage.dedicated-bucket-pattern must contain " + TENANT_PLACEHOLDER
                    + " exactly once, not '" + dedicatedPattern + "'");
        }
        this.store = store;
        this.sharedBucket = sharedBucket;
        this.dedicatedPattern = dedicatedPattern;
        this.createBuckets = createBuckets;
    }

    @Override
    public TenantBlobs forTenant(TenantId tenant, StorageMode mode) {
        BucketName bucket = bucketFor(tenant, mode);
        if (createBuckets && !ensured.contains(bucket)) {
            store.createBucketIfMissing(bucket);
            ensured.add(bucket);
        }
        return new TenantScopedBlobs(store, bucket, tenant, mode);
    }

    @Override
    public BucketName bucketFor(TenantId tenant, StorageMode mode) {
        if (mode == StorageMode.SHARED) {
            return sharedBucket;
        }
        String name = dedicatedPattern.replace(TENANT_PLACEHOLDER, tenant.value());
        if (!BucketName.isValid(name)) {
            throw new StorageException("Tenant '" + tenant + "' cannot have a dedicated bucket: '" + name
                    + "' is not a valid bucket name (3-63 lower-case letters, digits, single dashes); shorten the pattern or the tenant id");
        }
        BucketName bucket = BucketName.of(name);
        if (bucket.equals(sharedBucket)) {
            throw new StorageException("Tenant '" + tenant + "''s dedicated bucket would be the platform bucket '" + name + "'");
        }
        return bucket;
    }
}
