package io.verbatim.storage;

import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.Tenant;
import io.verbatim.tenancy.TenantId;

/**
 * The way into object storage: one tenant's view at a time.
 *
 * <p>{@link StorageMode#SHARED}: the tenant's objects live in the platform bucket under the
 * tenant's layout prefixes. {@link StorageMode#DEDICATED}: they live in the tenant's own bucket
 * (named from {@code verbatim.storage.dedicated-bucket-pattern}, created on first use), under the
 * same keys. Either way the view refuses any key outside the tenant's prefixes.
 */
public interface TenantStorage {

    TenantBlobs forTenant(TenantId tenant, StorageMode mode);

    default TenantBlobs forTenant(Tenant tenant) {
        return forTenant(tenant.id(), tenant.storageMode());
    }

    /** The bucket a tenant's objects go to in {@code mode}, without creating it. */
    BucketName bucketFor(TenantId tenant, StorageMode mode);
}
