package io.verbatim.storage;

import io.verbatim.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the store knows about one object.
 *
 * @param size         in bytes (the whole object, also when a range of it was read)
 * @param lastModified as the store recorded it (S3: whole seconds); after a put on S3, the time of the write
 * @param etag         an opaque version tag without quotes (MD5 hex of the bytes for single-part writes;
 *                     a file moved in with {@code putFile} and a known digest: that digest, e.g. SHA-256 hex)
 * @param metadata     user metadata; {@value #TENANT_METADATA} names the owning tenant
 */
public record BlobInfo(BlobKey key, long size, String contentType, Instant lastModified, String etag,
                       Map<String, String> metadata) {

    /** The metadata key that tags every object written through a tenant's view with the tenant's id. */
    public static final String TENANT_METADATA = "tenant-id";

    public BlobInfo {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The tenant the object is tagged with, if any (objects written by other tools may have none). */
    public Optional<TenantId> tenant() {
        String value = metadata.get(TENANT_METADATA);
        return value != null && TenantId.isValid(value) ? Optional.of(TenantId.of(value)) : Optional.empty();
    }

    /** Whether the object carries a tenant tag that is not {@code tenant}'s (an invalid tag counts). */
    public boolean taggedForOtherThan(TenantId tenant) {
        String value = metadata.get(TENANT_METADATA);
        return value != null && !value.equals(tenant.value());
    }
}
