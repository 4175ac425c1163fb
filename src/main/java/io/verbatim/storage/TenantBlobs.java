package io.verbatim.storage;

import io.verbatim.tenancy.StorageMode;
import io.verbatim.tenancy.TenantId;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One tenant's objects. Keys come from {@link #layout()}; a key or prefix outside the tenant's
 * space is refused with {@link BlobAccessDeniedException}, and so is reading an object tagged
 * with another tenant's id. Every write tags the object with {@value BlobInfo#TENANT_METADATA}.
 */
public interface TenantBlobs {

    TenantId tenant();

    StorageMode mode();

    /** The bucket the tenant's objects are in (the platform bucket, or the tenant's own). */
    BucketName bucket();

    /** Builds this tenant's keys. */
    StorageLayout layout();

    /** Streams {@code content} to {@code key}; see {@link BlobStore#put}. The tenant tag replaces any caller-supplied one. */
    BlobInfo put(BlobKey key, InputStream content, BlobAttributes attributes);

    /** Moves the file at {@code source} to {@code key} (a rename where the store allows); see {@link BlobStore#putFile}. */
    default BlobInfo putFile(BlobKey key, java.nio.file.Path source, BlobAttributes attributes) {
        return putFile(key, source, attributes, null);
    }

    /** As {@link #putFile(BlobKey, java.nio.file.Path, BlobAttributes)} with a digest of the file for its etag; see {@link BlobStore#putFile}. */
    BlobInfo putFile(BlobKey key, java.nio.file.Path source, BlobAttributes attributes, String etag);

    /** For small documents (JSON). */
    default BlobInfo put(BlobKey key, byte[] content, BlobAttributes attributes) {
        return put(key, new ByteArrayInputStream(content), attributes);
    }

    BlobContent get(BlobKey key);

    BlobContent get(BlobKey key, ByteRange range);

    Optional<BlobInfo> stat(BlobKey key);

    default boolean exists(BlobKey key) {
        return stat(key).isPresent();
    }

    void delete(BlobKey key);

    /** @param prefix must start with one of the tenant's roots ({@link StorageLayout#roots()}) */
    long deletePrefix(String prefix);

    /** Removes a conversation's media (any extension) and every document the layout names for it. */
    void deleteConversation(String conversationId);

    /** Removes everything the tenant has in this bucket (offboarding); returns how many objects. */
    long deleteAll();

    /** @param prefix must start with one of the tenant's roots */
    BlobPage list(String prefix, String startAfter, int limit);

    /** @param prefix must start with one of the tenant's roots; close the stream when stopping early */
    Stream<BlobSummary> listAll(String prefix);
}
