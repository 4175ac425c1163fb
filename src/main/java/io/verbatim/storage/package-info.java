/**
 * Object storage: where media, transcripts, analysis documents and tenant config files live.
 *
 * <p>Application code asks {@link io.verbatim.storage.TenantStorage#forTenant} for a
 * {@link io.verbatim.storage.TenantBlobs} and builds keys with {@link io.verbatim.storage.StorageLayout};
 * a tenant's view refuses every key outside that tenant's prefixes. {@link io.verbatim.storage.BlobStore}
 * is the engine interface underneath (filesystem by default, S3 or any S3-compatible store in
 * production); every engine passes the same contract test suite.
 */
package io.verbatim.storage;
