package io.verbatim.storage.internal;

import io.verbatim.storage.BlobAttributes;
import io.verbatim.storage.BlobContent;
import io.verbatim.storage.BlobInfo;
import io.verbatim.storage.BlobKey;
import io.verbatim.storage.BlobNotFoundException;
import io.verbatim.storage.BlobPage;
import io.verbatim.storage.BlobStore;
import io.verbatim.storage.BlobSummary;
import io.verbatim.storage.BucketName;
import io.verbatim.storage.ByteRange;
import io.verbatim.storage.InvalidBlobKeyException;
import io.verbatim.storage.RangeNotSatisfiableException;
import io.verbatim.storage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Blob store on S3 or an S3-compatible service (MinIO, Cloudflare R2, Ceph, s3proxy), through the
 * AWS SDK v2 with the JDK's URL-connection HTTP client.
 *
 * <p>A put of unknown length reads one part ({@code partSize}) at a time: a stream that ends
 * within the first part is a single PUT, anything longer a multipart upload, aborted if anything
 * fails, so memory holds one part per upload and a failed write leaves nothing behind. At most
 * 10,000 parts: 8 MB parts allow 80 GB objects.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {

    /** S3's smallest part (except the last). */
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

    private final S3Client client;
    private final String region;
    private final int partSize;
    private final int listPageSize;

    S3BlobStore(S3Client client, String region, int partSize, int listPageSize) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("verbatim.storage.s3.part-size must be at least 5MB (S3's minimum part), not " + partSize + " bytes");
        }
        this.client = client;
        this.region = region;
        this.partSize = partSize;
        this.listPageSize = BlobPage.requireLimit(listPageSize);
    }

    @Override
    public void createBucketIfMissing(BucketName bucket) {
        if (bucketExists(bucket)) {
            return;
        }
        try {
            client.createBucket(b -> {
                b.bucket(bucket.value());
                // us-east-1 takes no location constraint; R2's "auto" is not a location
                if (region != null && !region.equals("us-east-1") && !region.equals("auto")) {
                    b.createBucketConfiguration(c -> c.locationConstraint(region));
                }
            });
        } catch (BucketAlreadyOwnedByYouException raced) {
            log.debug("Bucket {} was created meanwhile", bucket);
        } catch (SdkException e) {
            throw failure("Could not create bucket '" + bucket + "'", e);
        }
    }

    @Override
    public boolean bucketExists(BucketName bucket) {
        try {
            client.headBucket(b -> b.bucket(bucket.value()));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("Could not check bucket '" + bucket + "'", e);
        } catch (SdkException e) {
            throw failure("Could not check bucket '" + bucket + "'", e);
        }
    }

    @Override
    public BlobInfo put(BucketName bucket, BlobKey key, InputStream content, BlobAttributes attributes) {
        byte[] buffer = new byte[partSize];
        try {
            int first = content.readNBytes(buffer, 0, partSize);
            if (first < partSize) {
                var response = client.putObject(b -> b.bucket(bucket.value()).key(key.value())
                        .contentType(attributes.contentType()).metadata(attributes.metadata()).tagging(tagging(attributes))
                        .contentLength((long) first),
                        body(buffer, first, attributes.contentType()));
                return new BlobInfo(key, first, attributes.contentType(), Instant.now(), unquote(response.eTag()), attributes.metadata());
            }
            return multipartPut(bucket, key, content, attributes, buffer, first);
        } catch (IOException e) {
            throw new StorageException("Could not read the content for object '" + key + "'", e);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new StorageException("Bucket '" + bucket + "' does not exist", e);
            }
            throw failure("Could not write object '" + key + "'", e);
        } catch (SdkException e) {
            throw failure("Could not write object '" + key + "'", e);
        }
    }

    /**
     * The owning tenant as an S3 object tag ({@code tenant-id}) as well as metadata: tags are what S3 cost
     * allocation and lifecycle rules read, so a shared bucket's bill can be split by tenant.
     * Null (no tagging header) for objects without an owner.
     */
    static String tagging(BlobAttributes attributes) {
        String tenant = attributes.metadata().get(BlobInfo.TENANT_METADATA);
        return tenant == null ? null : BlobInfo.TENANT_METADATA + "=" + java.net.URLEncoder.encode(tenant, java.nio.charset.StandardCharsets.UTF_8);
    }

    private BlobInfo multipartPut(BucketName bucket, BlobKey key, InputStream content, BlobAttributes attributes,
                                  byte[] buffer, int firstPart) throws IOException {
        String uploadId = client.createMultipartUpload(b -> b.bucket(bucket.value()).key(key.value())
                .contentType(attributes.contentType()).metadata(attributes.metadata()).tagging(tagging(attributes))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long size = 0;
            int length = firstPart;
            while (length > 0) {
                int partNumber = parts.size() + 1;
                if (partNumber > MAX_PARTS) {
                    throw new StorageException("Object '" + key + "' is larger than " + MAX_PARTS
                            + " parts of verbatim.storage.s3.part-size; raise the part size");
                }
                int partLength = length;
                UploadPartResponse response = client.uploadPart(b -> b.bucket(bucket.value()).key(key.value())
                        .uploadId(uploadId).partNumber(partNumber).contentLength((long) partLength),
                        body(buffer, partLength, attributes.contentType()));
                parts.add(completed(partNumber, response));
                size += length;
                length = content.readNBytes(buffer, 0, partSize);
            }
            var response = client.completeMultipartUpload(b -> b.bucket(bucket.value()).key(key.value())
                    .uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
            return new BlobInfo(key, size, attributes.contentType(), Instant.now(), unquote(response.eTag()), attributes.metadata());
        } catch (IOException | RuntimeException | Error e) {
            abortQuietly(bucket, key, uploadId, e);
            throw e;
        }
    }

    @Override
    public BlobContent get(BucketName bucket, BlobKey key) {
        return open(bucket, key, null);
    }

    @Override
    public BlobContent get(BucketName bucket, BlobKey key, ByteRange range) {
        if (range == null) {
            throw new IllegalArgumentException("A ranged read needs a range");
        }
        return open(bucket, key, range);
    }

    private BlobContent open(BucketName bucket, BlobKey key, ByteRange range) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket.value()).key(key.value());
        if (range != null) {
            request.range(range.httpValue());
        }
        ResponseInputStream<GetObjectResponse> response;
        try {
            response = client.getObject(request.build());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new BlobNotFoundException(key);
            }
            if (e.statusCode() == 416) {
                long size = stat(bucket, key).orElseThrow(() -> new BlobNotFoundException(key)).size();
                throw new RangeNotSatisfiableException(key, range, size);
            }
            throw failure("Could not read object '" + key + "'", e);
        } catch (SdkException e) {
            throw failure("Could not read object '" + key + "'", e);
        }
        GetObjectResponse head = response.response();
        long length = head.contentLength();
        InputStream body = new S3ObjectStream(response, length);
        long offset = 0;
        long size = length;
        String contentRange = head.contentRange();
        try {
            if (contentRange != null) {
                offset = Long.parseLong(contentRange.substring(contentRange.indexOf(' ') + 1, contentRange.indexOf('-')));
                size = Long.parseLong(contentRange.substring(contentRange.indexOf('/') + 1));
            } else if (range != null) {
                // the server ignored the Range header and sent everything: cut the range out here
                ByteRange.Span span = range.resolve(size).orElse(null);
                if (span == null) {
                    body.close();
                    throw new RangeNotSatisfiableException(key, range, size);
                }
                body.skipNBytes(span.offset());
                body = new BoundedInputStream(body, span.length());
                offset = span.offset();
                length = span.length();
            }
        } catch (IOException | RuntimeException e) {
            response.abort();
            if (e instanceof RangeNotSatisfiableException notSatisfiable) {
                throw notSatisfiable;
            }
            throw new StorageException("Could not read object '" + key + "' (Content-Range '" + contentRange + "')", e);
        }
        BlobInfo info = new BlobInfo(key, size, head.contentType(), head.lastModified(), unquote(head.eTag()), head.metadata());
        return new BlobContent(info, offset, length, body);
    }

    @Override
    public Optional<BlobInfo> stat(BucketName bucket, BlobKey key) {
        try {
            HeadObjectResponse head = client.headObject(b -> b.bucket(bucket.value()).key(key.value()));
            return Optional.of(new BlobInfo(key, head.contentLength(), head.contentType(), head.lastModified(),
                    unquote(head.eTag()), head.metadata()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("Could not read object '" + key + "'", e);
        } catch (SdkException e) {
            throw failure("Could not read object '" + key + "'", e);
        }
    }

    @Override
    public void delete(BucketName bucket, BlobKey key) {
        try {
            client.deleteObject(b -> b.bucket(bucket.value()).key(key.value()));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw failure("Could not delete object '" + key + "'", e);
            }
        } catch (SdkException e) {
            throw failure("Could not delete object '" + key + "'", e);
        }
    }

    @Override
    public long deletePrefix(BucketName bucket, String prefix) {
        if (BlobKey.requireValidPrefix(prefix).isEmpty()) {
            throw new InvalidBlobKeyException("Deleting by prefix needs a non-empty prefix");
        }
        long deleted = 0;
        String previousFirst = null;
        try {
            while (true) {
                // always the first page: what was deleted is gone, so no continuation token is needed
                ListObjectsV2Response page = listPage(bucket, prefix, null, listPageSize);
                if (page == null || page.contents().isEmpty()) {
                    return deleted;
                }
                String first = page.contents().getFirst().key();
                if (first.equals(previousFirst)) {
                    throw new StorageException("Objects under '" + prefix + "' in bucket '" + bucket + "' survive deletion");
                }
                previousFirst = first;
                List<ObjectIdentifier> ids = page.contents().stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
                DeleteObjectsResponse response = client.deleteObjects(b -> b.bucket(bucket.value()).delete(d -> d.objects(ids).quiet(true)));
                if (!response.errors().isEmpty()) {
                    var error = response.errors().getFirst();
                    throw new StorageException("Could not delete '" + error.key() + "' under '" + prefix + "': " + error.code() + " " + error.message());
                }
                deleted += ids.size();
            }
        } catch (SdkException e) {
            throw failure("Could not delete objects under '" + prefix + "'", e);
        }
    }

    @Override
    public BlobPage list(BucketName bucket, String prefix, String startAfter, int limit) {
        BlobPage.requireLimit(limit);
        BlobKey.requireValidPrefix(prefix);
        try {
            ListObjectsV2Response page = listPage(bucket, prefix, startAfter, limit);
            if (page == null || page.contents().isEmpty()) {
                return new BlobPage(List.of(), null);
            }
            List<BlobSummary> items = new ArrayList<>(page.contents().size());
            for (S3Object object : page.contents()) {
                // objects put there by other tools may have keys we cannot address; they are not ours to list
                if (isAddressable(object.key())) {
                    items.add(new BlobSummary(new BlobKey(object.key()), object.size(), object.lastModified()));
                }
            }
            String next = Boolean.TRUE.equals(page.isTruncated()) ? page.contents().getLast().key() : null;
            return new BlobPage(items, next);
        } catch (SdkException e) {
            throw failure("Could not list objects under '" + prefix + "'", e);
        }
    }

    @Override
    public Stream<BlobSummary> listAll(BucketName bucket, String prefix) {
        BlobKey.requireValidPrefix(prefix);
        return PagedListing.stream(after -> list(bucket, prefix, after, listPageSize));
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "S3BlobStore[" + region + "]";
    }

    /** A listing page, or {@code null} when the bucket does not exist. */
    private ListObjectsV2Response listPage(BucketName bucket, String prefix, String startAfter, int limit) {
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket.value()).maxKeys(limit);
        if (!prefix.isEmpty()) {
            request.prefix(prefix);
        }
        if (startAfter != null) {
            request.startAfter(startAfter);
        }
        try {
            return client.listObjectsV2(request.build());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static boolean isAddressable(String key) {
        try {
            new BlobKey(key);
            return true;
        } catch (InvalidBlobKeyException e) {
            return false;
        }
    }

    /**
     * A part body the SDK can re-read on a retry, straight from our buffer (no copy: RequestBody.fromBytes
     * would duplicate every part).
     */
    private static RequestBody body(byte[] buffer, int length, String contentType) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length, contentType);
    }

    /** The part as CompleteMultipartUpload wants it back, with whatever checksum the SDK sent for it. */
    private static CompletedPart completed(int partNumber, UploadPartResponse response) {
        return CompletedPart.builder().partNumber(partNumber).eTag(response.eTag())
                .checksumCRC32(response.checksumCRC32()).checksumCRC32C(response.checksumCRC32C())
                .checksumCRC64NVME(response.checksumCRC64NVME()).checksumSHA1(response.checksumSHA1())
                .checksumSHA256(response.checksumSHA256()).build();
    }

    private void abortQuietly(BucketName bucket, BlobKey key, String uploadId, Throwable cause) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket.value()).key(key.value()).uploadId(uploadId));
        } catch (RuntimeException e) {
            // an upload left behind costs storage until a lifecycle rule removes it; the caller still sees the first error
            log.warn("Could not abort multipart upload {} of {}/{}: {}", uploadId, bucket, key, e.toString());
            cause.addSuppressed(e);
        }
    }

    private static String unquote(String etag) {
        return etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static StorageException failure(String what, SdkException e) {
        return new StorageException(what + ": " + e.getMessage(), e);
    }
}
