package io.verbatim.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The blob-store engine: buckets of objects addressed by validated keys. Implementations: the
 * filesystem (embedded default) and S3 (AWS, MinIO, R2, ...); both pass {@code BlobStoreContract}.
 *
 * <p>This is the engine underneath; application code goes through {@link TenantStorage}, whose
 * views cannot leave a tenant's space. Errors: {@link BlobNotFoundException} for a missing object,
 * {@link RangeNotSatisfiableException} for a range past the end, {@link StorageException} for
 * everything the store itself fails at.
 */
public interface BlobStore {

    /** Creates the bucket unless it exists (idempotent; safe to race). */
    void createBucketIfMissing(BucketName bucket);

    boolean bucketExists(BucketName bucket);

    /**
     * Stores the stream under {@code key}, replacing any object there. The length need not be
     * known: the bytes are streamed through a bounded buffer (filesystem: a temp file; S3: one
     * multipart part at a time), never held whole in memory. Readers see the old object or the
     * new one, never a part. The stream is read to its end but not closed.
     *
     * @throws StorageException when the bucket does not exist or the write fails (nothing is left behind)
     */
    BlobInfo put(BucketName bucket, BlobKey key, InputStream content, BlobAttributes attributes);

    /**
     * Stores the file at {@code source} under {@code key} and removes the source: the file is <em>moved</em> into the
     * store. This default streams it with {@link #put} and then deletes it (S3: the multipart upload). The filesystem
     * store renames it into place when the source is on its filesystem, so the bytes are not written a second time;
     * the rename is the commit (before it the source is intact, after it the object is whole). The caller has made the
     * file's contents durable and does not write to it any more.
     *
     * @throws StorageException as {@link #put}; the source is then left where it was
     */
    default BlobInfo putFile(BucketName bucket, BlobKey key, Path source, BlobAttributes attributes) {
        BlobInfo info;
        try (InputStream in = Files.newInputStream(source)) {
            info = put(bucket, key, in, attributes);
        } catch (IOException e) {
            throw new StorageException("Could not read " + source + " for object '" + key + "'", e);
        }
        try {
            Files.deleteIfExists(source);
        } catch (IOException e) {
            throw new StorageException("Stored object '" + key + "' but could not remove " + source, e);
        }
        return info;
    }

    /**
     * As {@link #putFile(BucketName, BlobKey, Path, BlobAttributes)}, with a strong digest of the file's bytes (hex, e.g.
     * the SHA-256 the caller computed while writing the file; null: none). The filesystem store then takes it as the
     * etag instead of reading the file once more for an MD5 (an etag is opaque: any strong digest of the content
     * does); the others ignore it.
     */
    default BlobInfo putFile(BucketName bucket, BlobKey key, Path source, BlobAttributes attributes, String etag) {
        return putFile(bucket, key, source, attributes);
    }

    /** Opens the whole object. @throws BlobNotFoundException when it (or its bucket) does not exist */
    BlobContent get(BucketName bucket, BlobKey key);

    /**
     * Opens part of the object, with HTTP's rules: a span past the end is cut at the end.
     *
     * @throws RangeNotSatisfiableException when the range starts at or after the end (any range of an empty object)
     * @throws BlobNotFoundException        when the object does not exist
     */
    BlobContent get(BucketName bucket, BlobKey key, ByteRange range);

    /** The object's description, empty when it (or its bucket) does not exist. */
    Optional<BlobInfo> stat(BucketName bucket, BlobKey key);

    default boolean exists(BucketName bucket, BlobKey key) {
        return stat(bucket, key).isPresent();
    }

    /** Removes the object; removing one that does not exist is not an error. */
    void delete(BucketName bucket, BlobKey key);

    /**
     * Removes every object whose key starts with {@code prefix} and returns how many there were.
     * The prefix must not be empty: wiping a bucket takes a deliberate prefix per area.
     */
    long deletePrefix(BucketName bucket, String prefix);

    /**
     * One page of the objects whose key starts with {@code prefix}, in key order, after
     * {@code startAfter} ({@code null} for the first page). A missing bucket lists as empty.
     *
     * @param limit 1 to {@link BlobPage#MAX_LIMIT}
     */
    BlobPage list(BucketName bucket, String prefix, String startAfter, int limit);

    /**
     * Every object whose key starts with {@code prefix}, in key order, fetched lazily. Close the
     * stream when stopping early. A missing bucket lists as empty.
     */
    Stream<BlobSummary> listAll(BucketName bucket, String prefix);
}
